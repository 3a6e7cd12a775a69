import * as vscode from 'vscode';
import {
  applyMove, BEFORE_FIRST, positionOf, reconcile, samePosition, START,
  type MoveContext, type StepMove, type StepPosition,
} from '../../core/stepping/position';
import type { StepAddress, Trace, TraceStep } from '../../core/trace/types';
import type { SpecAnalysis } from '../analysis/analyse';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import type { Settings } from '../settings';

export interface StepPositionChange {
  readonly uri: vscode.Uri;
  readonly position: StepPosition;
}

/** Where the learner stands, with the trace and step there (null before the first step, or while the spec cannot run). */
export interface StepView {
  readonly position: StepPosition;
  readonly trace: Trace | null;
  readonly step: TraceStep | null;
}

interface Held {
  position: StepPosition;
  /** The quantity at `position`, so an edit that shifts indices keeps the learner on it. */
  address: StepAddress | null;
  /** The analysis `position` was last checked against. */
  checked: SpecAnalysis | null;
}

/**
 * The learner's stepping position in each open spec, shared by the panel, hovers, lenses and
 * inlay hints. The arithmetic lives in src/core/stepping/position.ts; this class keeps one
 * position per document, re-fits it after edits, and announces changes.
 *
 * After an edit the position stays on the same quantity (same StepAddress) if it still exists,
 * else it is clamped. While the spec has errors the position is kept untouched, so fixing a
 * typo does not lose the learner's place.
 */
export class StepPositions implements vscode.Disposable {
  private readonly held = new Map<string, Held>();
  private readonly changed = new vscode.EventEmitter<StepPositionChange>();
  private readonly subscriptions: vscode.Disposable[];

  /** The position in a spec moved (by a move, a `set`, or an edit that re-fitted it). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly analyses: SpecAnalyses,
    private readonly settings: Settings,
  ) {
    this.subscriptions = [
      analyses.onDidChange((uri) => {
        const document = analyses.documentFor(uri);
        if (document && this.held.has(uri.toString())) this.get(document);
      }),
      analyses.onDidClose((uri) => this.held.delete(uri.toString())),
    ];
  }

  /** The position in `document`, re-fitted to its current analysis. Starts at example 1, step 0. */
  get(document: vscode.TextDocument): StepPosition {
    const key = document.uri.toString();
    const held = this.held.get(key) ?? { position: START, address: null, checked: null };
    this.held.set(key, held);
    const analysis = this.analyses.get(document);
    if (held.checked === analysis || !analysis.engine) return held.position;
    held.checked = analysis;
    const before = held.position;
    this.record(held, reconcile(before, held.address, this.context(analysis)), analysis);
    if (!samePosition(before, held.position)) this.changed.fire({ uri: document.uri, position: held.position });
    return held.position;
  }

  /** The position with its trace and step, for views that render the current quantity. */
  view(document: vscode.TextDocument): StepView {
    const position = this.get(document);
    const trace = this.analyses.trace(document, position.example);
    const step = trace && position.step >= 0 && position.step < trace.length ? trace.step(position.step) : null;
    return { position, trace, step };
  }

  /** Applies one of the moves (see src/core/stepping/position.ts) and returns the new position. */
  move(document: vscode.TextDocument, move: StepMove): StepPosition {
    const analysis = this.analyses.get(document);
    return this.set(document, applyMove(this.get(document), move, this.context(analysis)));
  }

  /**
   * Moves to the quantity `address` of `example` (0-based; default the current example).
   * Returns null, and stays, when the spec cannot run or has no such quantity.
   */
  stepTo(document: vscode.TextDocument, address: StepAddress, example?: number): StepPosition | null {
    const analysis = this.analyses.get(document);
    const target = positionOf(address, example ?? this.get(document).example, this.context(analysis));
    return target ? this.set(document, target) : null;
  }

  /** Puts the learner at `position` (clamped into the trace); fires onDidChange if it moved. */
  set(document: vscode.TextDocument, position: StepPosition): StepPosition {
    const before = this.get(document);
    const held = this.held.get(document.uri.toString())!;
    const analysis = this.analyses.get(document);
    const wanted = { example: Math.max(0, Math.trunc(position.example)), step: Math.max(BEFORE_FIRST, Math.trunc(position.step)) };
    this.record(held, analysis.engine ? reconcile(wanted, null, this.context(analysis)) : wanted, analysis);
    if (!samePosition(before, held.position)) this.changed.fire({ uri: document.uri, position: held.position });
    return held.position;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.held.clear();
    this.changed.dispose();
  }

  private context(analysis: SpecAnalysis): MoveContext {
    const digits = this.settings.current.significantDigits;
    return { exampleCount: analysis.exampleCount, traceOf: (example) => analysis.trace(example, digits) };
  }

  private record(held: Held, position: StepPosition, analysis: SpecAnalysis): void {
    held.position = position;
    const trace = analysis.trace(position.example, this.settings.current.significantDigits);
    // Without a trace (the spec has errors) the quantity is unknown: later re-fits keep the index.
    held.address = trace && position.step >= 0 && position.step < trace.length ? trace.step(position.step).address : null;
  }
}
