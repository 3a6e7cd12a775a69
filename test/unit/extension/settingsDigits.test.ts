import { describe, expect, it, vi } from 'vitest';

/**
 * `significantDigits` is validated where settings are read (src/extension/settings.ts), which
 * imports nothing from the analysis; the analysis uses the digits it is given.
 */

/** The user's settings, as the fake `vscode` below hands them to settings.ts. */
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

const { clampDigits, MAX_DIGITS, MIN_DIGITS, Settings } = await import('../../../src/extension/settings');

describe('significantDigits', () => {
  it('is made whole and kept within 1…15; 6 when not a finite number', () => {
    expect([MIN_DIGITS, MAX_DIGITS]).toEqual([1, 15]);
    expect([40, 15, 9.6, 1, 0, -3].map(clampDigits)).toEqual([15, 15, 10, 1, 1, 1]);
    expect([NaN, Infinity, -Infinity].map(clampDigits)).toEqual([6, 6, 6]);
  });

  it('is clamped when read from the configuration', () => {
    configured.significantDigits = 40;
    expect(new Settings().current.significantDigits).toBe(15);
    configured.significantDigits = 0;
    expect(new Settings().current.significantDigits).toBe(1);
    configured.significantDigits = 'many';
    expect(new Settings().current.significantDigits).toBe(6);
  });

  it('has its bounds contributed the same in package.json', async () => {
    const { readFileSync } = await import('node:fs');
    const contributed = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties['backpropStepper.significantDigits'];
    expect([contributed.minimum, contributed.maximum]).toEqual([MIN_DIGITS, MAX_DIGITS]);
  });

  it('settings.ts imports nothing from the analysis', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync('src/extension/settings.ts', 'utf8')).not.toMatch(/from\s+['"]\.\/analysis\//);
  });
});
