/**
 * Two pacers for things that may be asked for far more often than they should happen:
 *
 * - LatestWins sends at most one value per interval, always the newest: dragging the scrubber
 *   across a thousand steps asks the extension for a handful of snapshots, not a thousand, and the
 *   last one asked for is the step the scrubber rests on. The first value after a quiet spell goes
 *   at once, so a single key press answers without delay. Also paces the screen-reader summary.
 * - FrameThrottle runs a redraw on an animation frame, at most once per interval: progress may
 *   arrive in bursts, and the charts need redrawing at most ~10 times a second. A hidden webview
 *   gets no animation frames, so it draws nothing until it is shown again.
 *
 * Clocks and timers are passed in, so both are tested without a browser or real time.
 */

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export interface Frames {
  now(): number;
  requestFrame(callback: () => void): void;
}

export const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle),
};

export const browserFrames: Frames = {
  now: () => performance.now(),
  requestFrame: (callback) => void requestAnimationFrame(() => callback()),
};

export class LatestWins<T> {
  private lastSent = -Infinity;
  private timer: number | null = null;
  private pending: { readonly value: T } | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  push(value: T): void {
    this.pending = { value };
    if (this.timer !== null) return;
    const wait = this.lastSent + this.intervalMs - this.timers.now();
    if (wait <= 0) this.flush();
    else this.timer = this.timers.setTimeout(() => this.fire(), wait);
  }

  /** Sends the pending value now, if there is one (the run finished: say so without waiting). */
  flush(): void {
    this.stopTimer();
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.lastSent = this.timers.now();
    this.send(pending.value);
  }

  /** Drops the pending value (a new run: what was asked of the old one no longer matters). */
  cancel(): void {
    this.stopTimer();
    this.pending = null;
  }

  private fire(): void {
    this.timer = null;
    this.flush();
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}

export class FrameThrottle {
  private lastDrawn = -Infinity;
  private scheduled = false;

  constructor(
    private readonly draw: () => void,
    private readonly intervalMs = 100,
    private readonly frames: Frames = browserFrames,
  ) {}

  /** Asks for a redraw; any number of requests before it happens make one. */
  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.frames.requestFrame(() => this.tick());
  }

  private tick(): void {
    // Too soon after the last redraw: wait for a later frame (frames are cheap; redraws are not).
    if (this.frames.now() - this.lastDrawn < this.intervalMs) {
      this.frames.requestFrame(() => this.tick());
      return;
    }
    this.scheduled = false;
    this.lastDrawn = this.frames.now();
    this.draw();
  }
}
