import { formatNumber } from '../notation/format';
import { DEFAULT_WEIGHT_ORDER, type WeightOrder } from '../notation/symbols';
import { BEFORE_FIRST, clampStep, next, nextLayer, previous, previousLayer, type Granularity } from '../stepping/position';
import { StepSnapshot } from '../stepping/snapshot';
import { stepSymbol } from '../trace/build';
import type { BuiltTrace } from '../trace/types';
import { numbersOnLine, resolveBreakpoint, stepsOf, type ResolvedBreakpoint } from './breakpoints';
import { activeFilters, EXCEPTION_FILTERS, exceptionHits, type ExceptionHit } from './exceptions';
import { expressionCompletions, evaluateExpression, type Completion } from './expressions';
import { errorFrames, stackOf } from './stack';
import { candidates, judge } from './stops';
import { expressionJudge, passedLines, workedLines } from './workedSolution';
import { LoadedSpec, analyseSpecText, type AnalysedSpec } from './loadedSpec';
import type {
  BreakpointInfo, BreakpointRequest, EvaluateResult, ExceptionDetails, ExceptionFilterId, ExceptionFilterRequest, FrameInfo,
  LoadResult, MoveResult, ScopeInfo, SpecEdit, Stop, StopReason, TargetInfo, ThreadInfo, VariableInfo,
} from './types';
import { listThreads } from './threads';
import { VariableHandles, VariableTree } from './variables';

export type { Completion } from './expressions';
export { EXCEPTION_FILTERS } from './exceptions';

export interface RuntimeOptions {
  /** Significant digits of the numbers in stop descriptions and the Debug Console (default 6). */
  readonly digits?: number;
  readonly weightOrder?: WeightOrder;
  /** What Step Over moves: one quantity or one layer's group (backpropStepper.stepGranularity). */
  readonly granularity?: Granularity;
}

export type EvaluateContext = 'watch' | 'repl' | 'hover' | 'clipboard' | 'variables' | string;

/**
 * A debugging session over the trace, knowing nothing of any editor or protocol: one thread per
 * example, each with its own stepping position; breakpoints on the spec's lines and numbers;
 * the failures of backprop as exception filters; frames, scopes and variables of a stop; and the
 * expression language for watches and conditions. Every answer about what is known at a
 * position comes from StepSnapshot, the one module the panel and lenses read too.
 */
export class DebugRuntime {
  static readonly exceptionFilters = EXCEPTION_FILTERS;
  private spec: LoadedSpec | null = null;
  /** The last version that could run: positions are kept by its addresses across versions with errors. */
  private lastRunnable: LoadedSpec | null = null;
  private readonly digits: number;
  private readonly weightOrder: WeightOrder;
  private readonly granularity: Granularity;
  /** Step per thread (thread id = 1-based example); BEFORE_FIRST until the thread moves. */
  private readonly steps = new Map<number, number>();
  private thread = 1;
  private requests: readonly BreakpointRequest[] = [];
  private breakpoints: ResolvedBreakpoint[] = [];
  private readonly hits = new Map<number, number>();
  private nextBreakpointId = 1;
  private filters: readonly ExceptionFilterRequest[] = [{ filterId: 'nonfinite' }];
  private lastException: ExceptionHit | null = null;
  /** Handles of the current stop: frames and the variables they opened. */
  private frames = new Map<number, { threadId: number; depth: number }>();
  private trees = new Map<number, VariableTree>();
  private handles = new VariableHandles();
  private nextFrameId = 1;

  constructor(options: RuntimeOptions = {}) {
    this.digits = options.digits ?? 6;
    this.weightOrder = options.weightOrder ?? DEFAULT_WEIGHT_ORDER;
    this.granularity = options.granularity ?? 'neuron';
  }

  /** Loads a version of the spec from its text (parse and engine here: the CLI's way). */
  load(text: string): LoadResult {
    return this.loadAnalysed(analyseSpecText(text));
  }

  /** Loads a version already analysed elsewhere (the extension's worker); keeps every thread on its quantity where it still exists. */
  loadAnalysed(analysed: AnalysedSpec): LoadResult {
    const before = this.spec;
    const spec = new LoadedSpec(analysed, this.digits, this.weightOrder);
    this.spec = spec;
    if (spec.runnable) {
      // Each thread stays on its quantity (found by address in the last version that ran).
      // Where it no longer exists, the same step index, clamped into the new trace.
      const known = this.lastRunnable;
      const held = [...this.steps].map(([thread, step]) => ({
        thread,
        step,
        address: known && step >= 0 && thread <= known.exampleCount && step < known.trace(thread - 1).length ? known.trace(thread - 1).addressOf(step) : null,
      }));
      this.steps.clear();
      this.lastRunnable = spec;
      for (const { thread, step, address } of held) {
        if (thread > spec.exampleCount) continue;
        const trace = spec.trace(thread - 1);
        const found = address ? trace.indexOf(address) : -1;
        this.steps.set(thread, found >= 0 ? found : clampStep(step, trace));
      }
      this.thread = Math.min(this.thread, spec.exampleCount);
    }
    this.breakpoints = this.requests.map((request) => resolveBreakpoint(spec, request, this.idFor(request)));
    this.resetHandles();
    return { blocked: !spec.runnable, problems: spec.problems, changes: before ? spec.changesFrom(before) : [] };
  }

  threads(): ThreadInfo[] {
    const spec = this.spec;
    if (!spec?.runnable) return [{ id: 1, name: 'the spec has errors' }];
    return listThreads(spec.network!, this.steps.keys(), this.thread, this.digits);
  }

  /** Starts thread `example` (1-based): at its first step, or on to the first stop without stopOnEntry. */
  start(example: number, stopOnEntry: boolean): MoveResult {
    if (!this.spec?.runnable) return this.blockedStop();
    this.thread = Math.max(1, Math.min(Math.trunc(example) || 1, this.spec.exampleCount));
    if (stopOnEntry) return this.moveTo(this.thread - 1, 0, 'entry');
    this.steps.set(this.thread, BEFORE_FIRST);
    return this.continue(this.thread);
  }

  stepOver(threadId: number): MoveResult {
    return this.move(threadId, (step, trace) => (this.granularity === 'layer' ? nextLayer(step, trace) : next(step, trace)), 'step');
  }

  stepBack(threadId: number): MoveResult {
    return this.move(threadId, (step, trace) => (this.granularity === 'layer' ? previousLayer(step, trace) : previous(step, trace)), 'step');
  }

  /** Into the current quantity's factors: to the step that computed the chosen one (or the first). */
  stepIn(threadId: number, targetId?: number): MoveResult {
    const targets = this.factorTargets(threadId);
    const chosen = targets.find((t) => t.id === targetId) ?? targets[0];
    if (!chosen) return this.stepOver(threadId);
    return this.move(threadId, () => chosen.id - 1, 'step');
  }

  /** Finishes the current layer's group. */
  stepOut(threadId: number): MoveResult {
    return this.move(threadId, (step, trace) => nextLayer(step, trace), 'step');
  }

  continue(threadId: number): MoveResult {
    return this.run(threadId, true);
  }

  reverseContinue(threadId: number): MoveResult {
    return this.run(threadId, false);
  }

  goto(threadId: number, targetId: number): MoveResult {
    return this.move(threadId, () => targetId - 1, 'goto');
  }

  stepInTargets(frameId: number): TargetInfo[] {
    const frame = this.frames.get(frameId);
    return this.factorTargets(frame?.threadId ?? this.thread);
  }

  /** The steps that compute the number (or the line's numbers) at a place in the spec, in the current thread. */
  gotoTargets(line: number, column?: number): TargetInfo[] {
    const spec = this.spec;
    if (!spec?.runnable) return [];
    const resolved = resolveBreakpoint(spec, { line, column }, 0);
    const trace = spec.trace(this.thread - 1);
    return stepsOf({ ...resolved, example: null }, trace).map((step) => ({
      id: step + 1,
      label: stepSymbol(trace.addressOf(step), spec.network!, this.weightOrder).text,
      range: resolved.range,
    }));
  }

  stack(threadId: number): FrameInfo[] {
    const spec = this.spec;
    if (!spec?.runnable) return errorFrames(spec?.problems ?? [], (depth) => this.frameId(threadId, depth));
    const step = this.steps.get(threadId) ?? BEFORE_FIRST;
    const trace = spec.trace(threadId - 1);
    return stackOf(spec, trace, this.snapshot(threadId), step, this.digits, (depth) => this.frameId(threadId, depth));
  }

  scopes(frameId: number): ScopeInfo[] {
    const frame = this.frames.get(frameId);
    const spec = this.spec;
    if (!frame || !spec?.runnable) return [];
    const tree = this.treeFor(frame.threadId);
    const step = this.steps.get(frame.threadId) ?? BEFORE_FIRST;
    return tree.scopes(step >= 0 ? spec.trace(frame.threadId - 1).step(step) : null);
  }

  variables(reference: number, start?: number, count?: number): VariableInfo[] {
    return this.handles.variables(reference, start, count);
  }

  setBreakpoints(requests: readonly BreakpointRequest[]): BreakpointInfo[] {
    this.requests = requests;
    const spec = this.spec;
    this.breakpoints = requests.map((request) => (spec ? resolveBreakpoint(spec, request, this.idFor(request)) : { id: this.idFor(request), request, verified: false, message: 'No spec is loaded.', range: null, addresses: [], example: null }));
    return this.breakpoints.map((b) => ({
      id: b.id,
      verified: b.verified,
      message: b.message,
      line: b.range?.start.line ?? b.request.line,
      ...(b.range ? { column: b.range.start.character, endLine: b.range.end.line, endColumn: b.range.end.character } : {}),
    }));
  }

  breakpointLocations(line: number): { line: number; column: number; endLine: number; endColumn: number }[] {
    if (!this.spec?.runnable) return [];
    return numbersOnLine(this.spec, line).map((r) => ({ line: r.start.line, column: r.start.character, endLine: r.end.line, endColumn: r.end.character }));
  }

  setExceptionFilters(filters: readonly ExceptionFilterRequest[]): { verified: boolean; message?: string }[] {
    const { results } = activeFilters(filters);
    this.filters = filters.filter((_, q) => results[q].verified);
    return results;
  }

  exceptionInfo(_threadId: number): ExceptionDetails | null {
    const hit = this.lastException;
    return hit ? { exceptionId: hit.filter, description: hit.description, details: hit.details } : null;
  }

  evaluate(expression: string, frameId: number | undefined, _context: EvaluateContext): EvaluateResult {
    const spec = this.spec;
    if (!spec?.runnable) return { error: 'The spec has errors: there are no numbers to evaluate.' };
    const thread = (frameId !== undefined ? this.frames.get(frameId)?.threadId : undefined) ?? this.thread;
    const outcome = evaluateExpression(spec, this.snapshot(thread), expression);
    return 'error' in outcome ? { error: outcome.error } : { result: outcome.text, variablesReference: 0 };
  }

  completions(text: string, column: number): Completion[] {
    return this.spec?.runnable ? expressionCompletions(this.spec, text, column) : [];
  }

  /** Changes a spec number (w, b, x, y) shown as variable `name` of `reference`: the edit for the host to apply. */
  setVariable(reference: number, name: string, value: string): { value: string; edit: SpecEdit } | { error: string } {
    const place = this.handles.place(reference, name);
    if (place === null) return { error: `${name} is computed from the spec; only its own numbers (w, b, x, y) can be set.` };
    const number = Number(value.trim().replace(/^−/, '-'));
    if (!Number.isFinite(number)) return { error: `“${value}” is not a number.` };
    const text = String(number);
    return { value: text, edit: { range: place, text } };
  }

  /** The stepped thread's position (0-based example, step), for the panel and lenses to follow. */
  position(): { example: number; step: number } | null {
    if (!this.spec?.runnable) return null;
    return { example: this.thread - 1, step: this.steps.get(this.thread) ?? BEFORE_FIRST };
  }

  /** Moves to a position chosen outside the debugger (the extension's own Step commands). */
  moveTo(example: number, step: number, reason: StopReason = 'step'): MoveResult {
    if (!this.spec?.runnable) return this.blockedStop();
    const thread = Math.max(1, Math.min(example + 1, this.spec.exampleCount));
    this.thread = thread;
    return this.move(thread, () => step, reason);
  }

  // ——— moving ———

  private move(threadId: number, to: (step: number, trace: BuiltTrace) => number, reason: StopReason): MoveResult {
    const spec = this.spec;
    if (!spec?.runnable) return this.blockedStop();
    const thread = this.validThread(threadId);
    const trace = spec.trace(thread - 1);
    const from = this.steps.get(thread) ?? BEFORE_FIRST;
    const step = clampStep(to(from, trace), trace);
    this.steps.set(thread, step);
    this.thread = thread;
    const hit = step >= 0 ? this.exceptionsOf(trace).find((h) => h.step === step) ?? null : null;
    return { stop: this.stopAt(thread, step, hit ? 'exception' : reason, hit), output: workedLines(trace, step, this.digits) };
  }

  /** Continue (forward) or Reverse Continue: to the next stop in that direction, else to the trace's end (or start). */
  private run(threadId: number, forward: boolean): MoveResult {
    const spec = this.spec;
    if (!spec?.runnable) return this.blockedStop();
    const thread = this.validThread(threadId);
    this.thread = thread;
    const trace = spec.trace(thread - 1);
    const from = this.steps.get(thread) ?? BEFORE_FIRST;
    const list = candidates(trace, this.breakpoints, this.exceptionsOf(trace));
    const output: string[] = [];
    const judgeAt = expressionJudge(spec, trace);
    const ordered = forward ? list.filter((c) => c.step > from) : list.filter((c) => c.step < from).reverse();
    for (const candidate of ordered) {
      const stopping: number[] = [];
      for (const breakpoint of candidate.breakpoints) {
        const action = judge(breakpoint, candidate.step, forward, this.hits, judgeAt);
        if (action.kind === 'log') output.push(action.text);
        if (action.kind === 'error') output.push(`Breakpoint condition “${breakpoint.request.condition}”: ${action.message}`);
        if (action.kind === 'stop' || action.kind === 'error') stopping.push(breakpoint.id);
      }
      if (stopping.length > 0 || candidate.exception) {
        this.steps.set(thread, candidate.step);
        const reason = candidate.exception && stopping.length === 0 ? 'exception' : 'breakpoint';
        const stop = this.stopAt(thread, candidate.step, reason, candidate.exception, stopping);
        return { stop, output: [...passedLines(trace, from, candidate.step, this.digits), ...output] };
      }
    }
    const end = forward ? trace.length - 1 : BEFORE_FIRST;
    this.steps.set(thread, end);
    const stop = this.stopAt(thread, end, 'step', null);
    const where = forward ? `the end of example ${thread}'s trace` : `the start of example ${thread}'s trace`;
    return { stop: { ...stop, description: `${stop.description} (${where})` }, output: [...passedLines(trace, from, end, this.digits), ...output] };
  }

  private stopAt(thread: number, step: number, reason: StopReason, exception: ExceptionHit | null, hitBreakpointIds?: number[]): Stop {
    this.resetHandles();
    this.lastException = reason === 'exception' ? exception : null;
    return {
      reason,
      threadId: thread,
      description: this.describe(thread, step),
      ...(exception && reason === 'exception' ? { text: exception.description } : {}),
      ...(hitBreakpointIds && hitBreakpointIds.length > 0 ? { hitBreakpointIds } : {}),
    };
  }

  private blockedStop(): MoveResult {
    const problems = this.spec?.problems.filter((d) => d.severity === 'error') ?? [];
    const lines = problems.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: error: ${d.message}`);
    return { stop: { reason: 'exception', threadId: 1, description: 'the spec has errors', text: lines[0] ?? 'The spec cannot run.' }, output: lines };
  }

  // ——— what a stop shows ———

  private describe(thread: number, step: number): string {
    if (step < 0) return `before the first step of example ${thread}`;
    const snapshot = this.snapshot(thread);
    const trace = this.spec!.trace(thread - 1);
    const address = trace.addressOf(step);
    return `${stepSymbol(address, this.spec!.network!, this.weightOrder).text} = ${formatNumber(snapshot.value(address), this.digits)}`;
  }

  private factorTargets(threadId: number): TargetInfo[] {
    const spec = this.spec;
    const step = this.steps.get(threadId) ?? BEFORE_FIRST;
    if (!spec?.runnable || step < 0) return [];
    const trace = spec.trace(threadId - 1);
    const seen = new Set<number>();
    const targets: TargetInfo[] = [];
    for (const factor of trace.step(step).factors) {
      const index = factor.refers ? trace.indexOf(factor.refers) : -1;
      if (index < 0 || seen.has(index)) continue;
      seen.add(index);
      targets.push({ id: index + 1, label: `${factor.text} = ${formatNumber(factor.value, this.digits)}` });
    }
    return targets;
  }

  private exceptionsOf(trace: BuiltTrace): ExceptionHit[] {
    const { active } = activeFilters(this.filters);
    return active.size > 0 ? exceptionHits(this.spec!, trace, active) : [];
  }

  private snapshot(thread: number): StepSnapshot {
    return new StepSnapshot(this.spec!.trace(thread - 1), this.spec!.engine!, this.steps.get(thread) ?? BEFORE_FIRST);
  }

  private treeFor(thread: number): VariableTree {
    let tree = this.trees.get(thread);
    if (tree === undefined) {
      tree = new VariableTree(this.spec!, this.snapshot(thread), this.handles);
      this.trees.set(thread, tree);
    }
    return tree;
  }

  private frameId(threadId: number, depth: number): number {
    const id = this.nextFrameId++;
    this.frames.set(id, { threadId, depth });
    return id;
  }

  private resetHandles(): void {
    this.frames = new Map();
    this.trees = new Map();
    this.handles = new VariableHandles();
  }

  private validThread(threadId: number): number {
    const count = this.spec?.exampleCount ?? 1;
    return Number.isInteger(threadId) && threadId >= 1 && threadId <= count ? threadId : this.thread;
  }

  private idFor(request: BreakpointRequest): number {
    const existing = this.breakpoints.find((b) => b.request.line === request.line && b.request.column === request.column);
    return existing?.id ?? this.nextBreakpointId++;
  }
}

export type { ExceptionFilterId };
