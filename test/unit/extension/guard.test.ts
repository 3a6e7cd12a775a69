import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The host's error boundary (src/extension/guard.ts), reporting to the real Log (log.ts) over a
 * fake output channel: a bug costs one empty answer and exactly one log line, with its stack.
 */

/** Every line the fake "Backprop Stepper" output channel was given, as [level, text]. */
const logged: [string, string][] = [];

vi.mock('vscode', () => ({
  window: {
    createOutputChannel: () => ({
      info: (text: string) => logged.push(['info', text]),
      error: (text: string) => logged.push(['error', text]),
      dispose: () => undefined,
    }),
  },
}));

const { Guard } = await import('../../../src/extension/guard');
const { Log } = await import('../../../src/extension/log');

/** A bug with a recognisable frame in its stack. */
function defect(): never {
  throw new Error('broken builder');
}

describe('Guard', () => {
  let guard: InstanceType<typeof Guard>;
  beforeEach(() => {
    logged.length = 0;
    guard = new Guard(new Log());
  });

  it('passes a working body’s answer through and logs nothing', async () => {
    const hover = guard.wrap('providing a hover', () => undefined, (word: string): string | undefined => `hover on ${word}`);
    expect(hover('sigmoid')).toBe('hover on sigmoid');
    const lenses = guard.wrap('providing lenses', () => [], async (n: number) => Array.from({ length: n }, (_, i) => i));
    await expect(lenses(3)).resolves.toEqual([0, 1, 2]);
    expect(guard.run('answering a message', () => undefined, (): number | undefined => 7)).toBe(7);
    expect(logged).toEqual([]);
  });

  it('turns a throw into the empty answer and exactly one log entry with the stack', () => {
    const lenses = guard.wrap((uri: string) => `providing the code lenses of ${uri}`, () => [] as number[], (_uri: string): number[] => defect());
    expect(lenses('file:///a.nnet')).toEqual([]);
    expect(logged).toHaveLength(1);
    const [level, text] = logged[0];
    expect(level).toBe('error');
    expect(text).toContain('Unexpected error while providing the code lenses of file:///a.nnet');
    expect(text).toContain('Error: broken builder');
    expect(text).toMatch(/\n\s+at defect /); // the stack, not only the message
  });

  it('catches an async rejection too, resolving to the empty answer', async () => {
    const symbols = guard.wrap('building the outline', () => [] as string[], async (): Promise<string[]> => {
      await Promise.resolve();
      return defect();
    });
    const answer = symbols();
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0][1]).toMatch(/building the outline: Error: broken builder\n\s+at /);
  });

  it('catches a rejected thenable that is not a native promise', async () => {
    const thenable: PromiseLike<number> = { then: (_done, fail) => Promise.reject(new Error('thenable failed')).then(undefined, fail) };
    await expect(guard.run('resolving', () => 0, () => thenable)).resolves.toBe(0);
    expect(logged).toHaveLength(1);
    expect(logged[0][1]).toContain('thenable failed');
  });

  it('gives each failure a fresh empty answer, made from the call’s arguments', () => {
    const resolve = guard.wrap('resolving a lens', (lens: { title?: string }) => Object.assign(lens, { title: '' }), (lens: { title?: string }) => {
      if (lens.title === undefined) defect();
      return lens;
    });
    const lens: { title?: string } = {};
    expect(resolve(lens)).toBe(lens);
    expect(lens.title).toBe('');
    const empty = guard.wrap('listing', () => [] as number[], (): number[] => defect());
    const first = empty();
    first.push(1);
    expect(empty()).toEqual([]);
    expect(logged).toHaveLength(3);
  });

  it('logs what it was doing only when something failed', () => {
    const doing = vi.fn((word: string) => `hovering ${word}`);
    const hover = guard.wrap(doing, () => undefined, (word: string): string | undefined => (word === 'bad' ? defect() : word));
    hover('good');
    expect(doing).not.toHaveBeenCalled();
    hover('bad');
    expect(doing).toHaveBeenCalledOnce();
    expect(logged[0][1]).toContain('hovering bad');
  });

  it('logs non-Error values as they are', () => {
    const post = (): string => {
      throw 'a string';
    };
    expect(guard.run('posting', () => 'none', post)).toBe('none');
    expect(logged).toEqual([['error', 'Unexpected error while posting: a string']]);
  });

  it('holds even when the log itself fails', () => {
    const brittle = new Guard({
      bug: () => {
        throw new Error('channel closed');
      },
    });
    expect(brittle.run('providing a hover', () => undefined, (): string | undefined => defect())).toBeUndefined();
  });
});
