import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WEIGHT_ORDER, WEIGHT_ORDERS } from '../../../src/core/notation/symbols';

/** The user's settings, as the fake `vscode` below hands them to src/extension/settings.ts. */
const configured: Record<string, unknown> = {};

vi.mock('vscode', () => ({
  workspace: {
    getConfiguration: () => ({ get: (key: string, fallback?: unknown) => (key in configured ? configured[key] : fallback) }),
    onDidChangeConfiguration: () => ({ dispose: () => undefined }),
  },
  EventEmitter: class {
    event = () => ({ dispose: () => undefined });
    fire(): void {}
    dispose(): void {}
  },
}));

describe('backpropStepper.weightIndexOrder', () => {
  const contributed = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties['backpropStepper.weightIndexOrder'];

  it('is contributed with both orders, each described, defaulting to the article’s from-to', () => {
    expect(contributed.enum).toEqual([...WEIGHT_ORDERS]);
    expect(contributed.enumDescriptions).toHaveLength(WEIGHT_ORDERS.length);
    expect(contributed.default).toBe(DEFAULT_WEIGHT_ORDER);
    expect(contributed.markdownDescription).toContain('never which weight');
  });

  it('is read under that name, and anything else falls back to from-to', async () => {
    const { Settings } = await import('../../../src/extension/settings');
    expect(new Settings().current.weightOrder).toBe('from-to');
    configured.weightIndexOrder = 'to-from';
    expect(new Settings().current.weightOrder).toBe('to-from');
    configured.weightIndexOrder = 'jk';
    expect(new Settings().current.weightOrder).toBe('from-to');
  });
});
