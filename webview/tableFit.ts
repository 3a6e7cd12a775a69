/**
 * Keeps each layer's neuron table in the orientation that fits the panel (the choice itself:
 * tableLayout.ts). A table is measured only when its width may have changed — it was drawn, a
 * window moved, one of its numbers changed, or the panel was resized — and only once it is laid
 * out: a table away from the view is skipped by the browser (`content-visibility: auto`), and
 * measuring inside it would make the browser lay it out just to answer. Such a table is fitted
 * when the browser starts drawing it (`contentvisibilityautostatechange`), which happens while it
 * is still outside the view.
 *
 * Measuring is batched: every table's width is read, then every table that must turn is
 * redrawn, then the redrawn ones are read once more (the other layout, measured the first time
 * it is drawn) and turned back if that fits worse — two forced layouts at most, however many
 * layers.
 */
import { chooseOrientation, type MeasuredWidths, type Orientation } from './tableLayout';

interface Measured {
  readonly layer: number;
  readonly table: HTMLTableElement;
  readonly width: number;
  readonly room: number;
}

export class NeuronTableFit {
  private readonly orientations = new Map<number, Orientation>();
  private readonly widths = new Map<number, MeasuredWidths>();
  /** Layers whose table may no longer fit, waiting to be measured. */
  private readonly unfitted = new Set<number>();
  /** Layers whose neuron table the browser reported as skipped (away from the view, not laid out). */
  private readonly skipped = new Set<number>();

  /**
   * @param root holds the layers (`.layer[data-layer]`) and their neuron tables
   * @param redraw draws layer `layer`'s neuron table again in `orientation`, in place of `old`
   * @param changed called when the browser starts drawing a layer that waits to be fitted
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly redraw: (layer: number, old: HTMLTableElement, orientation: Orientation) => void,
    changed: () => void,
  ) {
    // The event does not bubble, so it is caught on its way down.
    root.addEventListener(
      'contentvisibilityautostatechange',
      (event) => {
        const block = event.target instanceof Element && event.target.matches('.table-block.neurons') ? event.target : null;
        const layer = block ? Number(block.closest('.layer')?.getAttribute('data-layer')) : NaN;
        if (Number.isNaN(layer) || !('skipped' in event)) return;
        if (event.skipped) this.skipped.add(layer);
        else if (this.skipped.delete(layer) && this.unfitted.has(layer)) changed();
      },
      true,
    );
  }

  /** The orientation layer `layer`'s table is drawn in. */
  orientation(layer: number): Orientation {
    return this.orientations.get(layer) ?? 'rows';
  }

  /** New tables for `layers` (all drawn 'rows'): forget what was measured and fit them all. */
  reset(layers: readonly number[]): void {
    this.orientations.clear();
    this.widths.clear();
    this.skipped.clear();
    this.unfitted.clear();
    for (const layer of layers) this.unfitted.add(layer);
  }

  /** The widths of these layers' tables may have changed (numbers, headers, the panel's width). */
  invalidate(layers: Iterable<number>): void {
    for (const layer of layers) this.unfitted.add(layer);
  }

  /** Measures the tables waiting to be fitted and turns those that fit better the other way; true when one was redrawn. */
  fit(): boolean {
    const first = this.measure([...this.unfitted].filter((layer) => !this.skipped.has(layer) || this.followed(layer)));
    const turned = this.turn(first);
    if (turned.length === 0) return false;
    // Second and last try: the other layout is now drawn and measured; keep the better one.
    this.turn(this.measure(turned));
    return true;
  }

  /** A followed table is always drawn (follow.ts), whatever the browser last reported. */
  private followed(layer: number): boolean {
    return !!this.root.querySelector(`.layer[data-layer="${layer}"] .table-block.neurons.is-followed`);
  }

  /** Reads every table's width and room; nothing is written in between. */
  private measure(layers: readonly number[]): Measured[] {
    const found: Measured[] = [];
    for (const layer of layers) {
      const wrapper = this.root.querySelector<HTMLElement>(`.layer[data-layer="${layer}"] .table-block.neurons .table-scroll`);
      const table = wrapper?.querySelector('table');
      if (!wrapper || !table) {
        this.unfitted.delete(layer);
        continue;
      }
      found.push({ layer, table, width: table.offsetWidth, room: wrapper.clientWidth });
    }
    return found;
  }

  /** Records the widths and redraws the tables that should turn; returns their layers. */
  private turn(measured: readonly Measured[]): number[] {
    const turned: number[] = [];
    for (const { layer, table, width, room } of measured) {
      // Not laid out (a hidden panel): try again when it is.
      if (width === 0) continue;
      this.unfitted.delete(layer);
      const current = this.orientation(layer);
      const widths = { ...this.widths.get(layer), [current]: width };
      this.widths.set(layer, widths);
      const wanted = chooseOrientation(widths, room);
      if (wanted === current) continue;
      this.orientations.set(layer, wanted);
      this.redraw(layer, table, wanted);
      turned.push(layer);
    }
    return turned;
  }
}
