/**
 * The messages between the extension host and the Backprop Stepper panel, one discriminated
 * union per direction. Both sides import these as types only, so the protocol is checked at
 * compile time on both ends of `postMessage`.
 *
 * Conversation: the webview posts `ready` first; only then does the extension post anything (a
 * restored panel's place comes from the state VS Code hands the serializer, not from `ready`).
 * Every later change of analysis, example or step is one `view` message holding everything
 * visible, already resolved: the webview never runs the engine or the trace, it only draws
 * numbers it is given.
 *
 * Big networks (784-128-10): values travel in windows — at most MAX_WINDOW neurons per layer,
 * chosen around the current step — so a message stays a few kilobytes whatever the network's
 * size, and a step costs the same on a 2-2-2 network as on MNIST.
 */
import type { Summary as ExerciseSummary } from '../core/exercise/session';
import type { WeightOrder } from '../core/notation/symbols';
import { STEP_KINDS, type Phase, type StepAddress, type StepKind } from '../core/trace/types';

/**
 * The letters of the factor macros `\bpfA` … `\bpfL`; factor i uses letter i (mod 12, the most
 * factors a view sends: MAX_FACTORS). One macro per factor, so each can carry its own number
 * marker; colours repeat after six (webview/palette.ts FACTOR_COLOURS).
 */
export const FACTOR_MARKS = 'ABCDEFGHIJKL';

/** Neurons of one layer that the panel shows at once; the rest are summarised ("… 118 more"). */
export const MAX_WINDOW = 12;

/**
 * A number the panel can point at: a step of the trace, or one of the spec's own inputs —
 * a weight or bias as written (`w`, `b`), an input `x_ik` (j is k, 1-based) or a target `y_ij`.
 * The step kinds are the trace's own list (STEP_KINDS, src/core/trace/types.ts), not a copy.
 */
export const QUANTITY_KINDS = [...STEP_KINDS, 'w', 'b', 'x', 'y'] as const;
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

export interface QuantityRef {
  readonly kind: QuantityKind;
  readonly layer: number;
  /** 1-based neuron of `layer` (for `x`, the input's number). */
  readonly j: number;
  /** 1-based neuron of layer − 1, for weights; 0 otherwise. */
  readonly k: number;
}

const STEP_KIND_SET: ReadonlySet<QuantityKind> = new Set<StepKind>(STEP_KINDS);

/** Whether a reference names a step of the trace (which can be stepped to), not one of the spec's numbers. */
export function isStepRef(ref: QuantityRef): ref is QuantityRef & StepAddress {
  return STEP_KIND_SET.has(ref.kind);
}

/** A value the stepping has reached, or null while it is still to be computed (drawn empty). */
export type Known = number | null;

/** One layer as the panel shows it. Vectors are indexed by the window: entry i is neuron `start + i + 1`. */
export interface LayerView {
  readonly index: number;
  readonly size: number;
  /** Activation name, null for layer 0. */
  readonly activation: string | null;
  /** 0-based first neuron shown; the window holds `count` neurons. */
  readonly start: number;
  readonly count: number;
  /** a^(0) = x_i for layer 0; absent quantities (z of the inputs) are empty arrays. */
  readonly z: readonly Known[];
  readonly a: readonly Known[];
  readonly dcda: readonly Known[];
  readonly dadz: readonly Known[];
  readonly delta: readonly Known[];
  /**
   * Weight windows, rows = shown neurons k of layer ℓ − 1, columns = shown neurons j of this
   * layer, row-major (row·count + column). `w` always known; `dw` is ∂c_i/∂w^(ℓ)_kj of this
   * example; `wNew` is w − η ∂c/∂w (mean over examples), known in the update phase.
   */
  readonly w: readonly number[];
  readonly dw: readonly Known[];
  readonly wNew: readonly Known[];
  readonly b: readonly number[];
  readonly db: readonly Known[];
  readonly bNew: readonly Known[];
  /** y_i for the output layer's window, empty elsewhere. */
  readonly y: readonly number[];
}

/** One factor of the current step's product (or one term of its sum), coloured by its position. */
export interface FactorView {
  readonly tex: string;
  readonly text: string;
  readonly value: number;
  /** The value as the step writes it (significant digits applied). */
  readonly valueText: string;
  /**
   * What the factor is, so views can colour it: a quantity of the trace, or one of the spec's
   * numbers (w, b, x, y) recognised by its symbol; null for constants such as η.
   */
  readonly refers: QuantityRef | null;
}

/**
 * The current step, resolved. `formulaTex` and `substitutedTex` mark factor i as
 * `\bpfA{…}`, `\bpfB{…}`, … (letter FACTOR_MARKS[i mod 12]) wherever it stands, in every form:
 * its symbol, its other names (∂a/∂z is σ′(z), ∂z/∂w is a⁽ℓ⁻¹⁾ₖ), its written-out formula and
 * each of its numbers; δ's mark also wraps the \underbrace that groups ∂cᵢ/∂a · σ′(z) as δ.
 * Marks nest (the group holds the marks of its two factors). The webview defines these macros
 * to colour each factor with one of the theme's chart colours, so colours follow the theme
 * without the extension knowing them.
 */
export interface StepView {
  readonly index: number;
  readonly count: number;
  readonly phase: Phase;
  readonly address: StepAddress;
  readonly layer: number;
  readonly symbolTex: string;
  readonly formulaTex: string;
  readonly substitutedTex: string;
  readonly valueText: string;
  readonly value: number;
  /** The first factors (see MAX_FACTORS in viewMessage.ts); the rest are counted, not sent. */
  readonly factors: readonly FactorView[];
  readonly factorsOmitted: number;
  /** What the step means or a caveat (softmax's Jacobian, a mean over examples), when the trace has one. */
  readonly note: string | null;
  /** The whole step in Unicode, e.g. "δ⁽²⁾₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) = 0.741365 × 0.186816 = 0.138499". */
  readonly plainText: string;
  /** At an update step (w-new, b-new): the mean over the examples that the gradient is; else null or absent. */
  readonly batch?: BatchView | null;
}

/** Examples whose ∂cᵢ/∂w the batch view lists one by one; a larger batch is summarised. */
export const MAX_BATCH_LISTED = 8;

/** One example's ∂cᵢ/∂w (or ∂cᵢ/∂b); `example` is 0-based. */
export interface BatchEntry {
  readonly example: number;
  readonly value: number;
}

/**
 * How the gradient an update step uses, ∂c/∂w⁽ℓ⁾ₖⱼ (or ∂c/∂b⁽ℓ⁾ⱼ), is the mean (1/m) Σᵢ ∂cᵢ/∂w⁽ℓ⁾ₖⱼ
 * of the examples' own gradients. Built by src/extension/panel/batchView.ts.
 */
export interface BatchView {
  /** The parameter's symbol, w⁽ℓ⁾ₖⱼ or b⁽ℓ⁾ⱼ, in the weight order in force. */
  readonly parameterTex: string;
  readonly parameterText: string;
  /** m, the number of examples. */
  readonly exampleCount: number;
  /** The example being stepped (0-based) and its own ∂cᵢ/∂w. */
  readonly current: BatchEntry;
  /** ∂c/∂w itself, as the engine computed it for the update. */
  readonly mean: number;
  /** Every example's value in order when m ≤ MAX_BATCH_LISTED; empty for a larger batch. */
  readonly entries: readonly BatchEntry[];
  /**
   * The smallest and largest ∂cᵢ/∂w and the (first) examples they come from; null when the
   * engine kept only this example's values (a batch past its memory bound, see workload.ts).
   */
  readonly min: BatchEntry | null;
  readonly max: BatchEntry | null;
}

export interface ViewMessage {
  readonly type: 'view';
  /** The document's URI, so a restored panel can be tied back to its spec. */
  readonly uri: string;
  readonly fileName: string;
  /** Analysis version the numbers come from; tooltips cache per version. */
  readonly version: number;
  /** The spec's `network "…"` name: untrusted text, shown only through textContent. */
  readonly networkName: string | null;
  readonly costName: string;
  readonly learningRate: number;
  readonly digits: number;
  /** How weight symbols order their indices (`backpropStepper.weightIndexOrder`): symbols the page writes itself follow it. */
  readonly weightOrder: WeightOrder;
  /** 0-based example shown, and how many there are. */
  readonly example: number;
  readonly exampleCount: number;
  /**
   * Where the example came from (src/core/notation/exampleOrigin.ts): "line 14", "moons, point
   * 3 of 120", "iris.csv, row 12 (line 13)"; null when the spec's source does not place it.
   * Holds a path the spec wrote: untrusted text, shown only through textContent.
   */
  readonly exampleOrigin: string | null;
  /** c_i of this example once the cost step is reached, else null; c (mean) likewise. */
  readonly exampleCost: Known;
  readonly meanCost: Known;
  readonly layers: readonly LayerView[];
  /** Null before the first step (position −1, nothing computed yet). */
  readonly step: StepView | null;
  /** Total number of steps in this example's trace. */
  readonly stepCount: number;
  /** A numeric failure of the engine (NaN/Infinity), named in the article's notation. */
  readonly failure: string | null;
  /** Warnings the spec has (errors send `problems` instead). */
  readonly warnings: readonly ProblemView[];
  /**
   * Exercise mode (src/core/exercise/, src/extension/panel/exerciseView.ts), when one runs or
   * its summary is shown. While a step is asked, `step` is that step with its value left out
   * and only the factors the hints have revealed.
   */
  readonly exercise?: ExerciseView | null;
}

/** What the panel shows of an exercise: the question's place, the last feedback, the summary. */
export interface ExerciseView {
  /** e.g. "Backward pass, layer 2". */
  readonly scopeLabel: string;
  /** Whether a step is being asked; false once the exercise has ended and `summary` is shown. */
  readonly asking: boolean;
  /** 1-based place of the asked step in the scope, and the scope's number of steps. */
  readonly number: number;
  readonly total: number;
  /** The asked step's symbol in Unicode, for the answer box's label. */
  readonly symbolText: string;
  /** Factors revealed by hints, of `factorCount`. */
  readonly hints: number;
  readonly factorCount: number;
  readonly digits: number;
  readonly feedback: ExerciseFeedbackView | null;
  readonly summary: ExerciseSummaryView | null;
}

export interface ExerciseFeedbackView {
  /** Written out as a word and an icon too, never shown by colour alone. */
  readonly tone: 'right' | 'close' | 'wrong' | 'info';
  readonly title: string;
  readonly detail: string;
}

/** The exercise's summary (core/exercise/session.ts) as the panel shows it. */
export interface ExerciseSummaryView extends Omit<ExerciseSummary, 'toReview'> {
  /** Steps answered after wrong answers, or revealed: what to look at again. */
  readonly toReview: readonly Omit<ExerciseSummary['toReview'][number], 'index'>[];
}

/** What the exercise box asks of the extension: start (choose a scope), answer, hint, reveal, end, close the summary. */
export const EXERCISE_COMMANDS = ['start', 'answer', 'hint', 'reveal', 'end', 'close'] as const;
export type ExerciseCommand = (typeof EXERCISE_COMMANDS)[number];

export interface ProblemView {
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  /** 0-based line, for "line 7" and reveal. */
  readonly line: number;
  readonly character: number;
}

/** The spec has errors: the panel shows them instead of stale numbers until they are fixed. */
export interface ProblemsMessage {
  readonly type: 'problems';
  readonly uri: string;
  readonly fileName: string;
  readonly problems: readonly ProblemView[];
}

/** Reply to `describe`: what a hovered quantity is, in the trace's own words. */
export interface DescriptionMessage {
  readonly type: 'description';
  readonly version: number;
  readonly ref: QuantityRef;
  readonly symbolText: string;
  readonly formulaText: string;
  readonly valueText: string;
}

export type ExtensionToPanel = ViewMessage | ProblemsMessage | DescriptionMessage;

/**
 * The stepping commands the panel's own buttons and keys can send, and `undo` / `redo`
 * (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y in the panel): undo or redo the spec's last edit, e.g. an Apply.
 */
export const PANEL_ACTIONS = [
  'step',
  'stepBack',
  'stepLayer',
  'stepLayerBack',
  'runForward',
  'runBackward',
  'reset',
  'nextExample',
  'previousExample',
  'applyGradientStep',
  'undo',
  'redo',
] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** What the webview keeps with setState, so a reload or a restore comes back to the same place. */
export interface PanelState {
  readonly uri: string;
  readonly example: number;
  readonly step: number;
}

export type PanelToExtension =
  | { readonly type: 'ready' }
  | { readonly type: 'action'; readonly action: PanelAction }
  | { readonly type: 'stepTo'; readonly address: StepAddress }
  | { readonly type: 'reveal'; readonly ref: QuantityRef }
  | { readonly type: 'revealProblem'; readonly line: number; readonly character: number }
  | { readonly type: 'describe'; readonly version: number; readonly ref: QuantityRef }
  /** Exercise mode; `text` is the typed answer of `answer`. */
  | { readonly type: 'exercise'; readonly command: ExerciseCommand; readonly text?: string }
  /** The toolbar's Export button: runs Export Worked Solution… on the panel's spec. */
  | { readonly type: 'export' };

/** Narrows an unknown postMessage payload to a PanelToExtension, rejecting anything malformed. */
export function isPanelMessage(value: unknown): value is PanelToExtension {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  switch (type) {
    case 'ready':
    case 'stepTo':
    case 'reveal':
    case 'revealProblem':
    case 'describe':
    case 'export':
      return true;
    case 'action':
      return (PANEL_ACTIONS as readonly unknown[]).includes((value as { action?: unknown }).action);
    case 'exercise': {
      const { command, text } = value as { command?: unknown; text?: unknown };
      return (EXERCISE_COMMANDS as readonly unknown[]).includes(command) && (text === undefined || (typeof text === 'string' && text.length <= 200));
    }
    default:
      return false;
  }
}

/** Narrows what VS Code hands the serializer (saved by an older page, perhaps) to a PanelState. */
export function isPanelState(value: unknown): value is PanelState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<PanelState>;
  return typeof state.uri === 'string' && Number.isInteger(state.example) && Number.isInteger(state.step);
}
