/**
 * The scrubber: a labelled <input type="range"> over the steps 0 … done, and its readout
 * "step t of N · c = … · validation c = …". A native range is focusable, announced as a slider
 * and operable by keyboard, but browsers differ on how far PageUp/PageDown move it, so the keys
 * are handled here, the same everywhere:
 *   ←/↓ one step back, →/↑ one step on, PageDown/PageUp a tenth of the run, Home 0, End the last.
 * While the scrubber rests on the last step done it follows the run as it grows (the picture
 * shows the network as it trains); moving it anywhere else leaves it there.
 */
import { h } from '../dom';

/** Where a key moves the scrubber from `value` in 0 … max, or null for a key it ignores. */
export function scrubTarget(key: string, value: number, max: number): number | null {
  const page = Math.max(1, Math.round(max / 10));
  const target = ((): number | null => {
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        return value - 1;
      case 'ArrowRight':
      case 'ArrowUp':
        return value + 1;
      case 'PageDown':
        return value - page;
      case 'PageUp':
        return value + page;
      case 'Home':
        return 0;
      case 'End':
        return max;
      default:
        return null;
    }
  })();
  return target === null ? null : Math.max(0, Math.min(max, target));
}

export class Scrubber {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly readout: HTMLSpanElement;
  /** Whether the scrubber follows the last step done as the run grows. */
  following = true;

  constructor(private readonly onMove: (step: number) => void) {
    this.input = h('input', { id: 'training-step', type: 'range', min: 0, max: 0, step: 1, value: 0, disabled: true });
    // A plain span, not <output>: that is a live region, and the slider's aria-valuetext already
    // speaks the same words as it moves.
    this.readout = h('span', { class: 'readout' });
    this.root = h('div', { class: 'scrubber' }, h('label', { for: 'training-step' }, 'Step'), this.input, this.readout);
    this.input.addEventListener('input', () => this.moved(Number(this.input.value)));
    this.input.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = scrubTarget(event.key, this.value, this.max);
      if (target === null) return;
      event.preventDefault();
      if (target !== this.value) {
        this.input.value = String(target);
        this.moved(target);
      }
    });
  }

  get value(): number {
    return Number(this.input.value);
  }

  get max(): number {
    return Number(this.input.max);
  }

  /** A new run: back to step 0, following. */
  reset(): void {
    this.input.max = '0';
    this.input.value = '0';
    this.following = true;
  }

  /** The run has `done` steps: the range grows; a following scrubber moves with it. Returns whether it moved. */
  setDone(done: number): boolean {
    const before = this.value;
    this.input.max = String(done);
    if (this.following) this.input.value = String(done);
    return this.value !== before;
  }

  /** Moves the scrubber from outside (a click on a chart), as if the reader had. */
  moveTo(step: number): void {
    const target = Math.max(0, Math.min(this.max, Math.round(step)));
    this.input.value = String(target);
    this.moved(target);
  }

  setEnabled(enabled: boolean): void {
    this.input.disabled = !enabled;
  }

  /** The readout, and what a screen reader says for the slider's value. */
  show(text: string, valueText: string): void {
    this.readout.textContent = text;
    this.input.setAttribute('aria-valuetext', valueText);
  }

  private moved(step: number): void {
    this.following = step === this.max;
    this.onMove(step);
  }
}
