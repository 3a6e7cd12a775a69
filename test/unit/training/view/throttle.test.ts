/**
 * Scrub requests go out at most once per interval and always for the latest step; redraws happen
 * on animation frames at most ~10 times a second, however often they are asked for.
 */
import { describe, expect, it } from 'vitest';
import { FrameThrottle, LatestWins, type Frames, type Timers } from '../../../../webview/training/throttle';

/** A clock and timers moved by hand. */
class FakeTimers implements Timers {
  time = 0;
  private queue: { at: number; id: number; callback: () => void }[] = [];
  private next = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.next++;
    this.queue.push({ at: this.time + ms, id, callback });
    return id;
  }
  clearTimeout(handle: number): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.queue.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
}

describe('LatestWins', () => {
  it('sends the first value at once, then at most one per interval, always the latest', () => {
    const timers = new FakeTimers();
    const sent: number[] = [];
    const scrub = new LatestWins<number>(200, (step) => sent.push(step), timers);
    scrub.push(1);
    expect(sent).toEqual([1]);
    // A drag across many steps within one interval…
    for (let step = 2; step <= 50; step++) {
      timers.advance(3);
      scrub.push(step);
    }
    expect(sent).toEqual([1]);
    timers.advance(200);
    // … asks for only the step it ended on.
    expect(sent).toEqual([1, 50]);
    timers.advance(1_000);
    expect(sent).toEqual([1, 50]);
    // After a quiet spell a key press answers at once again.
    scrub.push(7);
    expect(sent).toEqual([1, 50, 7]);
  });

  it('sends a pending value at once on flush, and never on cancel', () => {
    const timers = new FakeTimers();
    const sent: string[] = [];
    const summary = new LatestWins<string>(4_000, (text) => sent.push(text), timers);
    summary.push('a');
    summary.push('b');
    summary.flush();
    expect(sent).toEqual(['a', 'b']);
    summary.push('c');
    summary.cancel();
    timers.advance(10_000);
    expect(sent).toEqual(['a', 'b']);
    summary.flush();
    expect(sent).toEqual(['a', 'b']);
  });
});

describe('FrameThrottle', () => {
  it('draws once per burst of requests, on a frame, at most once per interval', () => {
    let time = 0;
    let frames: (() => void)[] = [];
    const source: Frames = { now: () => time, requestFrame: (callback) => void frames.push(callback) };
    let draws = 0;
    const redraw = new FrameThrottle(() => draws++, 100, source);
    const runFrame = () => {
      time += 16;
      const due = frames;
      frames = [];
      due.forEach((f) => f());
    };
    // One second of progress messages, 60 a second, each asking for a redraw.
    for (let i = 0; i < 60; i++) {
      redraw.request();
      redraw.request();
      runFrame();
    }
    expect(draws).toBeGreaterThanOrEqual(8);
    expect(draws).toBeLessThanOrEqual(10);
    // Nothing asked: no frames wanted, nothing drawn.
    for (let i = 0; i < 20; i++) runFrame();
    const settled = draws;
    runFrame();
    expect(draws).toBe(settled);
    expect(frames).toEqual([]);
  });
});
