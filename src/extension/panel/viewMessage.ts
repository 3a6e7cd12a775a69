/**
 * Builds what the panel shows from one analysis and one stepping position: a `view` message
 * with every visible number already resolved, or a `problems` message while the spec cannot
 * run. Pure (no vscode), so the message for the mazur δ⁽²⁾₁ step is unit-tested directly and
 * benchmarked on a 784-128-10 network.
 *
 * A value is sent only once the position has reached the step that computes it (null
 * otherwise); the spec's own numbers — x, y, w, b — are always known.
 */
import type { EngineResult } from '../../core/engine/types';
import type { Network } from '../../core/model/network';
import { exampleOriginText } from '../../core/notation/exampleOrigin';
import { formatNumber, formatNumberTex } from '../../core/notation/format';
import { DEFAULT_WEIGHT_ORDER, type WeightOrder } from '../../core/notation/symbols';
import { renderFactorMarks } from '../../core/trace/marks';
import type { StepPosition } from '../../core/stepping/position';
import { StepSnapshot } from '../../core/stepping/snapshot';
import type { StepKind, Trace, TraceStep } from '../../core/trace/types';
import type { Diagnostic } from '../../core/diagnostics';
import { FACTOR_MARKS, type Known, type LayerView, type ProblemsMessage, type ProblemView, type StepView, type ViewMessage } from '../../shared/panelMessages';
import type { EngineSkip, SpecAnalysis } from '../analysis/analyse';
import type { ExerciseSession } from '../../core/exercise/session';
import { batchView } from './batchView';
import { askedStepView, exerciseView } from './exerciseView';
import { factorRef } from './factorRefs';
import { layerWindows, type LayerWindow } from './windows';

export interface PanelInput {
  readonly uri: string;
  readonly fileName: string;
  readonly analysis: SpecAnalysis;
  readonly position: StepPosition;
  readonly digits: number;
  /** How weight symbols order their indices (`backpropStepper.weightIndexOrder`); from-to when absent. */
  readonly weightOrder?: WeightOrder;
  /** The exercise running on the spec, if any: its asked step replaces the current one (exerciseView.ts). */
  readonly exercise?: ExerciseSession | null;
}

export function buildPanelMessage(input: PanelInput): ViewMessage | ProblemsMessage {
  const { analysis } = input;
  const trace = analysis.engine ? analysis.trace(input.position.example, input.digits, input.weightOrder ?? DEFAULT_WEIGHT_ORDER) : null;
  if (!analysis.network || !analysis.engine || !trace) return problemsMessage(input);
  return viewMessage(input, analysis.network, analysis.engine, trace);
}

function problemView(d: Diagnostic): ProblemView {
  return { severity: d.severity, message: d.message, line: d.range.start.line, character: d.range.start.character };
}

/** Why there are no numbers, for every reason the engine did not run but errors the list shows itself. */
const SKIP_REASONS: Record<Exclude<EngineSkip, 'errors'>, Pick<ProblemView, 'severity' | 'message'>> = {
  'too-large': { severity: 'error', message: 'This network is too large to backpropagate interactively.' },
  'no-examples': { severity: 'error', message: 'The spec has no `example` line, so there is nothing to propagate yet. Add one, e.g. `example x 0.05 0.10 y 0.01 0.99`.' },
  'internal-error': { severity: 'error', message: 'Backprop Stepper hit a bug with this spec; the details are in Output › Backprop Stepper.' },
  pending: { severity: 'information', message: 'Computing this spec’s numbers in the background; they appear here as soon as they are ready.' },
};

export function problemsMessage(input: PanelInput): ProblemsMessage {
  const { analysis } = input;
  const problems = analysis.problems.map(problemView);
  const reason = analysis.skipped && analysis.skipped !== 'errors' ? SKIP_REASONS[analysis.skipped] : undefined;
  if (reason && !problems.some((p) => p.severity === 'error')) problems.unshift({ ...reason, line: 0, character: 0 });
  return { type: 'problems', uri: input.uri, fileName: input.fileName, problems };
}

function viewMessage(input: PanelInput, network: Network, engine: EngineResult, trace: Trace): ViewMessage {
  const example = input.position.example;
  const stepIndex = trace.length > 0 ? Math.min(input.position.step, trace.length - 1) : -1;
  const current = stepIndex >= 0 ? trace.step(stepIndex) : null;
  const snapshot = new StepSnapshot(trace, engine, stepIndex);
  const asked = input.exercise ? askedStepView(input.exercise, trace, input.digits, trace.weightOrder) : null;
  const windows = layerWindows(network, asked?.address ?? current?.address ?? null);
  const L = network.layers.length - 1;
  const costGroup = trace.groups.find((g) => g.phase === 'cost');
  const costKnown = !!costGroup && stepIndex >= costGroup.start;
  return {
    type: 'view',
    uri: input.uri,
    fileName: input.fileName,
    version: input.analysis.version,
    networkName: network.name,
    costName: network.cost,
    learningRate: network.learningRate,
    digits: input.digits,
    weightOrder: trace.weightOrder,
    example,
    exampleCount: engine.exampleCount,
    exampleOrigin: input.analysis.source.examples[example] ? exampleOriginText(input.analysis.source.examples[example]) : null,
    exampleCost: costKnown ? engine.costs[example] : null,
    meanCost: costKnown ? engine.cost : null,
    layers: network.layers.map((_, l) => layerView(network, snapshot, l, windows, l === L)),
    step: asked
      ? { ...asked, batch: batchView(engine, asked.address, example, trace.weightOrder) }
      : current
        ? { ...stepView(current, trace.length, input.digits, trace.weightOrder), batch: batchView(engine, current.address, example, trace.weightOrder) }
        : null,
    stepCount: trace.length,
    failure: engine.failure?.message ?? null,
    warnings: input.analysis.problems.filter((d) => d.severity !== 'error').map(problemView),
    exercise: input.exercise ? exerciseView(input.exercise, trace, input.digits) : null,
  };
}

function layerView(network: Network, snapshot: StepSnapshot, l: number, windows: readonly LayerWindow[], isOutput: boolean): LayerView {
  const layer = network.layers[l];
  const n = layer.size;
  const { start, count } = windows[l];
  const neurons = Array.from({ length: count }, (_, slot) => start + slot);
  const known = (kind: StepKind, j0: number, k0 = -1): Known => snapshot.known({ kind, layer: l, j: j0 + 1, k: k0 + 1 });
  const perNeuron = (kind: StepKind): Known[] => (l === 0 ? [] : neurons.map((j0) => known(kind, j0)));
  const empty: never[] = [];
  if (l === 0) {
    const a = neurons.map((j0) => snapshot.values.a[0][j0]);
    return { index: 0, size: n, activation: null, start, count, z: empty, a, dcda: empty, dadz: empty, delta: empty, w: empty, dw: empty, wNew: empty, b: empty, db: empty, bNew: empty, y: empty };
  }
  const previous = windows[l - 1];
  const w: number[] = [];
  const dw: Known[] = [];
  const wNew: Known[] = [];
  for (let r = 0; r < previous.count; r++) {
    const k0 = previous.start + r;
    for (const j0 of neurons) {
      w.push(layer.weights[k0 * n + j0]);
      dw.push(known('dw', j0, k0));
      wNew.push(known('w-new', j0, k0));
    }
  }
  return {
    index: l,
    size: n,
    activation: layer.activation,
    start,
    count,
    z: perNeuron('z'),
    a: perNeuron('a'),
    dcda: perNeuron('dcda'),
    dadz: perNeuron('dadz'),
    delta: perNeuron('delta'),
    w,
    dw,
    wNew,
    b: neurons.map((j0) => layer.biases[j0]),
    db: perNeuron('db'),
    bNew: perNeuron('b-new'),
    y: isOutput ? neurons.map((j0) => network.examples[snapshot.example].y[j0]) : empty,
  };
}

/**
 * At most this many factors travel with a step. A step lists the factors of the terms its
 * formula shows (src/core/trace/sum.ts): 13 for z of a neuron with 6 inputs (every w, a and b),
 * 9 for a wider one, whose sum shows its first three terms and its last.
 */
export const MAX_FACTORS = 12;

/** The macro that marks factor `index` in the step's TeX: `\bpfA`, `\bpfB`, … (see FACTOR_MARKS). */
export function factorMacro(index: number): string {
  return `\\bpf${FACTOR_MARKS[index % FACTOR_MARKS.length]}`;
}

/**
 * The current step, with every occurrence of each factor the view sends — symbol, other names,
 * written-out formula, numbers — wrapped in that factor's macro (the trace marked them as it
 * wrote them; see src/core/trace/marks.ts). Factors past MAX_FACTORS stay uncoloured.
 */
export function stepView(step: TraceStep, count: number, digits: number, weightOrder: WeightOrder = DEFAULT_WEIGHT_ORDER): StepView {
  const valueText = formatNumberTex(step.value, digits);
  const factors = step.factors.slice(0, MAX_FACTORS);
  const macro = (index: number): string | null => (index < factors.length ? factorMacro(index) : null);
  return {
    index: step.index,
    count,
    phase: step.phase,
    address: step.address,
    layer: step.address.layer,
    symbolTex: step.symbolTex,
    formulaTex: renderFactorMarks(step.markedFormulaTex, macro),
    substitutedTex: renderFactorMarks(step.markedSubstitutedTex, macro),
    valueText,
    value: step.value,
    factors: factors.map((f) => ({ tex: f.tex, text: f.text, value: f.value, valueText: formatNumberTex(f.value, digits), refers: factorRef(f, weightOrder) })),
    factorsOmitted: step.factors.length - factors.length,
    note: step.note ?? null,
    plainText: `${step.symbolText} = ${step.formulaText} = ${step.substitutedText} = ${formatNumber(step.value, digits)}`,
  };
}
