import type { Diagnostic } from '../diagnostics';
import type { Range } from '../text/range';

/**
 * The debug runtime's vocabulary, shared by the runtime (runtime.ts) and the adapters that
 * speak the Debug Adapter Protocol over it (src/debug/). Lines and columns are 0-based, as
 * everywhere in the core; an adapter converts them for its client.
 */

/** One training example is one thread: id i is example i (1-based, as in the notation). */
export interface ThreadInfo {
  readonly id: number;
  /** e.g. "example 1: x = (0.05, 0.1), y = (0.01, 0.99)". */
  readonly name: string;
}

/** Why the runtime stopped. 'entry' is the start of a session; 'goto' a jump. */
export type StopReason = 'entry' | 'step' | 'breakpoint' | 'exception' | 'goto' | 'pause';

export interface Stop {
  readonly reason: StopReason;
  readonly threadId: number;
  /** The quantity stopped at, in the notation: "δ⁽²⁾₁ = 0.138499" (or "before the first step"). */
  readonly description: string;
  /** For an exception stop: what happened, in the notation, on which number. */
  readonly text?: string;
  /** The breakpoints that stopped it (their ids). */
  readonly hitBreakpointIds?: readonly number[];
}

/** What a move produced: the stop, and lines for the Debug Console on the way (logpoints, the worked solution). */
export interface MoveResult {
  readonly stop: Stop;
  readonly output: readonly string[];
}

/** A frame of a stopped thread: the current quantity, then the quantities it feeds up to the cost. */
export interface FrameInfo {
  readonly id: number;
  /** In the notation, e.g. "∂cᵢ/∂w⁽¹⁾₁₂ = 0.000438568" or "δ⁽²⁾". */
  readonly name: string;
  /** The spec text this frame points at (a number, a layer line, an example line, the cost line). */
  readonly range: Range | null;
}

export interface ScopeInfo {
  readonly name: string;
  readonly variablesReference: number;
  /** Hints for paging (indexed variables). */
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  readonly expensive: boolean;
  /** Where the scope's quantities stand in the spec (a layer's lines), when they have a place. */
  readonly range?: Range | null;
}

export interface VariableInfo {
  readonly name: string;
  /** The number, or a summary such as "[4] 0.59, 0.6, …", or "not computed yet". */
  readonly value: string;
  /** > 0 when the variable has children; 0 otherwise. */
  readonly variablesReference: number;
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  /** An expression that evaluates to it in the expression language, e.g. "delta(2)[1]". */
  readonly evaluateName?: string;
  /** True for spec numbers that setVariable may change (w, b, x, y). */
  readonly editable?: boolean;
}

/** A breakpoint as the client asked for it (0-based line; column when on one number). */
export interface BreakpointRequest {
  readonly line: number;
  readonly column?: number;
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

export interface BreakpointInfo {
  readonly id: number;
  readonly verified: boolean;
  /** Why it is unverified, or what it stops at. */
  readonly message?: string;
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** The failures of backprop a session can stop on, as exception breakpoint filters. */
export type ExceptionFilterId = 'nonfinite' | 'vanishing' | 'exploding' | 'saturated' | 'dead-relu';

export interface ExceptionFilterRequest {
  readonly filterId: ExceptionFilterId;
  /** A threshold for the filters that take one ("1e-6"). */
  readonly condition?: string;
}

export interface ExceptionDetails {
  readonly exceptionId: ExceptionFilterId;
  readonly description: string;
  /** The number it is about, in the notation ("δ⁽¹⁾₂ = 3.1e−8"). */
  readonly details: string;
}

/** A place to step into or jump to. */
export interface TargetInfo {
  readonly id: number;
  readonly label: string;
  readonly range?: Range | null;
}

export type EvaluateResult =
  | { readonly result: string; readonly variablesReference: number }
  | { readonly error: string };

/** The spec's text after the session changed one number (setVariable), for the host to apply as one edit. */
export interface SpecEdit {
  readonly range: Range;
  readonly text: string;
}

/** What loading a version of the spec came to. */
export interface LoadResult {
  /** True when the spec has errors: the session pauses with them and has no numbers. */
  readonly blocked: boolean;
  readonly problems: readonly Diagnostic[];
  /** For the Debug Console: what changed since the last version (empty on the first load). */
  readonly changes: readonly string[];
}
