import { describe, expect, it } from 'vitest';
import { LatestWins, type AnalysisRunner, type LatestWinsListener, type RunningAnalysis } from '../../../src/extension/analysis/latestWins';

/** One analysis the fake runner started: the test decides when and how it ends. */
interface FakeJob {
  readonly text: string;
  cancelled: boolean;
  resolve(result: string): void;
  reject(error: unknown): void;
}

/** A runner whose analyses end only when the test says so, and a listener that writes down everything. */
function harness(concurrency = 1, options: { throwOnStart?: boolean; throwingListener?: boolean } = {}) {
  const jobs: FakeJob[] = [];
  const events: string[] = [];
  const runner: AnalysisRunner<string, string> = {
    start(text): RunningAnalysis<string> {
      if (options.throwOnStart) throw new Error('no thread');
      let resolve!: (result: string) => void;
      let reject!: (error: unknown) => void;
      const result = new Promise<string>((done, fail) => ((resolve = done), (reject = fail)));
      const job: FakeJob = { text, cancelled: false, resolve, reject };
      jobs.push(job);
      return { result, cancel: () => (job.cancelled = true) };
    },
  };
  const listener: LatestWinsListener<string> = {
    started: (key, version) => events.push(`started ${key}@${version}`),
    finished: (key, version, result) => {
      events.push(`finished ${key}@${version}: ${result}`);
      if (options.throwingListener) throw new Error('listener bug');
    },
    failed: (key, version, error) => events.push(`failed ${key}@${version}: ${String(error)}`),
    cancelled: (key, version) => events.push(`cancelled ${key}@${version}`),
    bug: (what, error) => events.push(`bug while ${what}: ${String(error)}`),
  };
  return { work: new LatestWins(runner, listener, concurrency), jobs, events };
}

/** Lets promise callbacks run. */
const settled = () => new Promise((done) => setTimeout(done, 0));

describe('latest version wins', () => {
  it('a newer version cancels the running one, and only the newest result is delivered', async () => {
    const { work, jobs, events } = harness();
    work.submit('a', 1, 'text 1');
    work.submit('a', 2, 'text 2');
    expect(jobs.map((job) => [job.text, job.cancelled])).toEqual([['text 1', true], ['text 2', false]]);
    jobs[0].resolve('stale');
    jobs[1].resolve('fresh');
    await settled();
    expect(events).toEqual(['started a@1', 'cancelled a@1', 'started a@2', 'finished a@2: fresh']);
    expect(work.busy).toBe(0);
  });

  it('cancel stops the running job at once, and a result that still arrives for it is dropped', async () => {
    const { work, jobs, events } = harness();
    work.submit('a', 1, 'text');
    work.cancel('a');
    expect(jobs[0].cancelled).toBe(true);
    expect(work.has('a', 1)).toBe(false);
    jobs[0].resolve('late');
    await settled();
    expect(events).toEqual(['started a@1', 'cancelled a@1']);
  });

  it('submitting the version already running changes nothing', () => {
    const { work, jobs } = harness();
    work.submit('a', 3, 'text');
    work.submit('a', 3, 'text');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].cancelled).toBe(false);
    expect(work.has('a', 3)).toBe(true);
  });

  it('runs one job at a time across documents; a waiting one is replaced by its newer version, or dropped on cancel', async () => {
    const { work, jobs, events } = harness(1);
    work.submit('a', 1, 'a1');
    work.submit('b', 1, 'b1');
    work.submit('c', 1, 'c1');
    work.submit('b', 2, 'b2');
    work.cancel('c');
    expect(jobs.map((job) => job.text)).toEqual(['a1']);
    expect(work.has('b', 2)).toBe(true);
    jobs[0].resolve('A');
    await settled();
    expect(jobs.map((job) => job.text)).toEqual(['a1', 'b2']);
    jobs[1].resolve('B');
    await settled();
    expect(events).toEqual(['started a@1', 'finished a@1: A', 'started b@2', 'finished b@2: B']);
  });

  it('with room for two, two documents run side by side', () => {
    const { work, jobs } = harness(2);
    work.submit('a', 1, 'a1');
    work.submit('b', 1, 'b1');
    work.submit('c', 1, 'c1');
    expect(jobs.map((job) => job.text)).toEqual(['a1', 'b1']);
    expect(work.busy).toBe(2);
  });

  it('a runner that rejects or throws is reported as failed, and the next job still runs', async () => {
    const { work, jobs, events } = harness();
    work.submit('a', 1, 'a1');
    work.submit('b', 1, 'b1');
    jobs[0].reject(new Error('worker died'));
    await settled();
    expect(events).toEqual(['started a@1', 'failed a@1: Error: worker died', 'started b@1']);

    const throwing = harness(1, { throwOnStart: true });
    throwing.work.submit('a', 1, 'a1');
    expect(throwing.events).toEqual(['failed a@1: Error: no thread']);
    expect(throwing.work.busy).toBe(0);
  });

  it('a listener that throws is reported as a bug, never as an unhandled rejection', async () => {
    const { work, jobs, events } = harness(1, { throwingListener: true });
    work.submit('a', 1, 'a1');
    work.submit('b', 1, 'b1');
    jobs[0].resolve('A');
    await settled();
    expect(events).toEqual(['started a@1', 'finished a@1: A', 'bug while reporting a finished analysis: Error: listener bug', 'started b@1']);
  });

  it('dispose cancels everything', () => {
    const { work, jobs, events } = harness(1);
    work.submit('a', 1, 'a1');
    work.submit('b', 1, 'b1');
    work.dispose();
    expect(jobs.map((job) => job.cancelled)).toEqual([true]);
    expect(events).toEqual(['started a@1', 'cancelled a@1']);
    expect(work.busy).toBe(0);
  });
});
