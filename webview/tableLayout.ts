/**
 * Which way round a layer's neuron table is drawn. Its natural layout has one row per neuron
 * and a column per quantity (b, z, a, ∂cᵢ/∂a, σ′, δ …): ten columns that a narrow panel cannot
 * hold. Transposed, it has one row per quantity and a column per neuron, which for the small
 * layers of a worked example is far narrower. The layout that fits the width available is
 * chosen from measured widths (both remembered, re-measured whenever drawn); when neither fits,
 * the narrower one is kept and its wrapper scrolls sideways (follow.ts keeps the current cell
 * in view). Pure, so the choice is unit-tested.
 */

/** 'rows': a row per neuron (natural). 'columns': a column per neuron (transposed). */
export type Orientation = 'rows' | 'columns';

/** Widths measured so far, in CSS pixels; absent until that layout has been drawn once. */
export interface MeasuredWidths {
  readonly rows?: number;
  readonly columns?: number;
}

/** Rounding of layout widths: a table this much wider than its room still fits. */
const SLACK = 0.5;

/**
 * The layout to draw for a table whose layouts measured `widths`, in `available` pixels: the
 * natural one when it fits (or has not been measured yet); else the transposed one, tried once
 * to measure it, kept when it fits; else the narrower of the two.
 */
export function chooseOrientation(widths: MeasuredWidths, available: number): Orientation {
  const fits = (width: number | undefined) => width !== undefined && width <= available + SLACK;
  if (widths.rows === undefined || fits(widths.rows)) return 'rows';
  if (widths.columns === undefined || fits(widths.columns)) return 'columns';
  return widths.columns < widths.rows ? 'columns' : 'rows';
}
