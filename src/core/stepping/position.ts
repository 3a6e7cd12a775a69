import type { StepAddress, Trace } from '../trace/types';

/**
 * The learner's place in a spec's backpropagation: which example's trace they walk and which
 * step of it they stand on. Everything up to and including `step` counts as computed, so the
 * panel, hovers and inlay hints show those quantities and hide (or grey out) the rest. Step
 * BEFORE_FIRST (−1) is "before the first step": nothing computed yet. Reset goes there, and
 * Step Back from the first step too, so that Step Back always undoes a Step.
 *
 * This module is the position arithmetic only — no editor, no events — so that the commands,
 * the panel and the tests all move the same way. Positions never point outside their trace:
 * every function here returns a clamped position.
 */
export interface StepPosition {
  /** 0-based example index i − 1. */
  readonly example: number;
  /** 0-based index into the example's trace, or BEFORE_FIRST. */
  readonly step: number;
}

/** The parts of a Trace that moving needs; tests can fake it without building steps. */
export type TraceShape = Pick<Trace, 'length' | 'groups' | 'groupOf' | 'indexOf'>;

/** Where a fresh spec starts: example 1, its first step (z⁽¹⁾₁). */
export const START: StepPosition = { example: 0, step: 0 };

/** The step before the first one: nothing is computed yet (where Reset goes). */
export const BEFORE_FIRST = -1;

/** How far one Step / Step Back moves: one quantity, or one layer's group of quantities. */
export type Granularity = 'neuron' | 'layer';

export type StepMove =
  | 'next'
  | 'previous'
  | 'nextLayer'
  | 'previousLayer'
  | 'runForward'
  | 'runBackward'
  | 'reset'
  | 'nextExample'
  | 'previousExample';

/** What a move may consult: how many examples there are, and the trace of any of them. */
export interface MoveContext {
  readonly exampleCount: number;
  traceOf(example: number): TraceShape | null;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** The last valid step index of a trace (0 for an empty one, where only 0 and BEFORE_FIRST are valid). */
function lastStep(trace: TraceShape): number {
  return Math.max(0, trace.length - 1);
}

/** A step index brought into the trace: BEFORE_FIRST … its last step. */
export function clampStep(step: number, trace: TraceShape): number {
  return clamp(Math.trunc(step), BEFORE_FIRST, lastStep(trace));
}

export function clampExample(example: number, exampleCount: number): number {
  return clamp(Math.trunc(example), 0, Math.max(0, exampleCount - 1));
}

/** One quantity forward. */
export function next(step: number, trace: TraceShape): number {
  return clampStep(step + 1, trace);
}

/** One quantity back; from the first step, to BEFORE_FIRST. */
export function previous(step: number, trace: TraceShape): number {
  return clampStep(step - 1, trace);
}

/**
 * Finish the current layer's group (one phase of one layer, e.g. the forward pass of layer 1),
 * or, when already on its last step, the whole next group. Landing on a group's last step
 * means "this layer is done", which is what a layer-sized step should show.
 */
export function nextLayer(step: number, trace: TraceShape): number {
  if (trace.length === 0) return 0;
  const here = clampStep(step, trace);
  if (here === BEFORE_FIRST) return trace.groupOf(0).end - 1;
  const group = trace.groupOf(here);
  if (here < group.end - 1) return group.end - 1;
  return clampStep(group.end < trace.length ? trace.groupOf(group.end).end - 1 : here, trace);
}

/**
 * Undo a layer-sized step: go to the last step of the group before the current one, so the
 * current layer's group shows as not yet computed; from inside the first group, to BEFORE_FIRST.
 */
export function previousLayer(step: number, trace: TraceShape): number {
  const here = clampStep(step, trace);
  if (trace.length === 0 || here === BEFORE_FIRST) return BEFORE_FIRST;
  return trace.groupOf(here).start - 1;
}

/** To the cost c_i: the whole forward pass done. Falls back to the last forward step. */
export function runForward(trace: TraceShape): number {
  const cost = trace.groups.find((g) => g.phase === 'cost');
  if (cost) return cost.start;
  const forward = trace.groups.filter((g) => g.phase === 'forward');
  return forward.length > 0 ? forward[forward.length - 1].end - 1 : 0;
}

/** To the last backward step (∂c_i/∂b⁽¹⁾ of the last neuron): the whole gradient built. */
export function runBackward(trace: TraceShape): number {
  const backward = trace.groups.filter((g) => g.phase === 'backward');
  return backward.length > 0 ? backward[backward.length - 1].end - 1 : lastStep(trace);
}

/**
 * Applies a move. Example moves keep the step index: every example's trace has the same
 * shape, so the learner stays on the same quantity (say δ⁽²⁾₁) of the neighbouring example.
 * Returns the position unchanged (but clamped) when the needed trace is missing.
 */
export function applyMove(position: StepPosition, move: StepMove, context: MoveContext): StepPosition {
  const example = clampExample(position.example, context.exampleCount);
  if (move === 'nextExample' || move === 'previousExample') {
    const target = clampExample(example + (move === 'nextExample' ? 1 : -1), context.exampleCount);
    const trace = context.traceOf(target);
    return { example: target, step: trace ? clampStep(position.step, trace) : Math.max(BEFORE_FIRST, position.step) };
  }
  const trace = context.traceOf(example);
  if (!trace) return { example, step: Math.max(BEFORE_FIRST, position.step) };
  const step = clampStep(position.step, trace);
  switch (move) {
    case 'next':
      return { example, step: next(step, trace) };
    case 'previous':
      return { example, step: previous(step, trace) };
    case 'nextLayer':
      return { example, step: nextLayer(step, trace) };
    case 'previousLayer':
      return { example, step: previousLayer(step, trace) };
    case 'runForward':
      return { example, step: runForward(trace) };
    case 'runBackward':
      return { example, step: runBackward(trace) };
    case 'reset':
      return { example, step: BEFORE_FIRST };
  }
}

/** The moves Step and Step Back make at a granularity. */
export function stepMoves(granularity: Granularity): { readonly forward: StepMove; readonly back: StepMove } {
  return granularity === 'layer' ? { forward: 'nextLayer', back: 'previousLayer' } : { forward: 'next', back: 'previous' };
}

/**
 * The position `address` has in the trace of `example`, or null when that trace has no such
 * quantity (e.g. a neuron that an edit removed).
 */
export function positionOf(address: StepAddress, example: number, context: MoveContext): StepPosition | null {
  const target = clampExample(example, context.exampleCount);
  const trace = context.traceOf(target);
  if (!trace) return null;
  const step = trace.indexOf(address);
  return step >= 0 ? { example: target, step } : null;
}

/**
 * Keeps a position meaningful after an edit changed the network: the same quantity if it
 * still exists (found by its address, so adding a neuron above does not shift the learner onto
 * a different quantity), otherwise the same index clamped into the new trace. The example is
 * clamped when examples were removed.
 */
export function reconcile(position: StepPosition, address: StepAddress | null, context: MoveContext): StepPosition {
  const example = clampExample(position.example, context.exampleCount);
  const trace = context.traceOf(example);
  if (!trace) return { example, step: Math.max(BEFORE_FIRST, position.step) };
  const found = address ? trace.indexOf(address) : -1;
  return { example, step: found >= 0 ? found : clampStep(position.step, trace) };
}

export function samePosition(a: StepPosition, b: StepPosition): boolean {
  return a.example === b.example && a.step === b.step;
}
