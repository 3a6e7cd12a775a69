import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The delayed progress notification (src/extension/progressNotification.ts) over a fake
 * `vscode.window.withProgress` that records what a person would see: nothing for work done
 * within the delay; after it, the latest report at once, then the bar moved by increments that
 * add up to the fraction done; Cancel reaching the work; and the notification closing.
 */

interface Shown {
  readonly title: string;
  readonly reports: { message?: string; increment?: number }[];
  closed: boolean;
  cancel(): void;
}
const shown: Shown[] = [];

vi.mock('vscode', () => ({
  ProgressLocation: { Notification: 15 },
  window: {
    withProgress: (options: { title: string; cancellable: boolean }, task: (progress: unknown, token: unknown) => Promise<void>) => {
      const listeners: (() => void)[] = [];
      const entry: Shown = { title: options.title, reports: [], closed: false, cancel: () => listeners.forEach((listener) => listener()) };
      shown.push(entry);
      const token = { onCancellationRequested: (listener: () => void) => (listeners.push(listener), { dispose: () => listeners.splice(listeners.indexOf(listener), 1) }) };
      return task({ report: (value: { message?: string; increment?: number }) => entry.reports.push(value) }, token).then(() => {
        entry.closed = true;
      });
    },
  },
}));

const { ProgressNotification, SHOW_AFTER_MS } = await import('../../../src/extension/progressNotification');

/** Lets the promise callbacks of a closed notification run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ProgressNotification', () => {
  beforeEach(() => {
    shown.length = 0;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  it('never shows for work that ends within the delay', () => {
    const notification = new ProgressNotification('Checking the gradients of xor.nnet', () => undefined);
    notification.report('9 of 17 parameters', 9 / 17);
    vi.advanceTimersByTime(SHOW_AFTER_MS - 1);
    notification.dispose();
    vi.advanceTimersByTime(10 * SHOW_AFTER_MS);
    expect(shown).toEqual([]);
  });

  it('shows after the delay with the latest report, then moves the bar by increments', async () => {
    const notification = new ProgressNotification('Training xor.nnet', () => undefined);
    notification.report('step 0 of 1,000', 0);
    notification.report('step 300 of 1,000', 0.3);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(SHOW_AFTER_MS);
    expect(shown.map((s) => s.title)).toEqual(['Training xor.nnet']);
    notification.report('step 700 of 1,000', 0.7);
    notification.report('step 650 of 1,000', 0.65); // never backwards
    notification.report('step 1,000 of 1,000', 1);
    const { reports } = shown[0];
    expect(reports.map((r) => r.message)).toEqual(['step 300 of 1,000', 'step 700 of 1,000', 'step 650 of 1,000', 'step 1,000 of 1,000']);
    expect(reports.reduce((sum, r) => sum + (r.increment ?? 0), 0)).toBeCloseTo(100, 9);
    expect(reports.every((r) => (r.increment ?? 0) >= 0)).toBe(true);
    notification.dispose();
    await settle();
    expect(shown[0].closed).toBe(true);
  });

  it('says "starting…" when shown before any report, and passes Cancel on', () => {
    const cancel = vi.fn();
    const notification = new ProgressNotification('Checking the gradients of big.nnet', cancel);
    vi.advanceTimersByTime(SHOW_AFTER_MS);
    expect(shown[0].reports).toEqual([{ message: 'starting…' }]);
    shown[0].cancel();
    expect(cancel).toHaveBeenCalledTimes(1);
    notification.dispose();
  });
});
