import { ACTIVATIONS, type ActivationName } from '../activations/registry';
import { costEntry, fittingOutputs, type CostName } from '../costs/registry';
import { formatAppliedParameter } from '../edit/gradientStep';

/**
 * The bodies of the snippets a completion inserts, in the snippet syntax of VS Code (and of the
 * Language Server Protocol): `${1:0}` is tab stop 1 showing 0, `${2|sigmoid,tanh|}` a choice
 * whose first entry is the default, `$0` where the cursor ends. Only the shapes are decided here;
 * specCompletions.ts decides when each is offered. Every body, its placeholders left at their
 * defaults, makes a line the parser accepts (test/unit/writing/snippets.test.ts).
 */

/** More numbers than this and a snippet is not offered: such a `w` is better left to the seed. */
export const MAX_SNIPPET_NUMBERS = 10_000;

/** Numbers past the first this many of an example are written plainly, not as tab stops. */
export const MAX_TAB_STOPS = 32;

/** Text for a snippet body: `$`, `}` and `\` would otherwise be read as snippet syntax. */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** `layer 0: ${1:2} inputs`: the input layer, its size a tab stop. */
export function inputLayerSnippet(label: number, size: number): string {
  return `layer ${label}: \${1:${size}} inputs$0`;
}

/**
 * `layer ℓ: ${1:2} ${2|sigmoid,…|}`: a layer ℓ ≥ 1, its size a tab stop and its activation a
 * choice of every activation in the registry, `first` first (the default).
 */
export function layerSnippet(label: number, size: number, first: ActivationName): string {
  const choices = [first, ...ACTIVATIONS.filter((name) => name !== first)];
  return `layer ${label}: \${1:${size}} \${2|${choices.join(',')}|}$0`;
}

/**
 * `w` and its rows: row k (the weights leaving neuron k of layer ℓ − 1) on a line of its own,
 * the first on the `w` line and the others aligned under it, each number rounded to `digits`
 * significant digits as Apply Gradient Step writes them. Plain text: a matrix has too many
 * numbers to tab through.
 */
export function weightsSnippet(weights: ArrayLike<number>, rows: number, columns: number, digits: number): string {
  return snippetText(weightRows(weights, rows, columns, digits).map((row, k) => (k === 0 ? `w ${row}` : `  ${row}`)).join('\n')) + '$0';
}

/** Each row of a row-major matrix as text, `digits` significant digits per number. */
export function weightRows(weights: ArrayLike<number>, rows: number, columns: number, digits: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < rows; k++) {
    const row: string[] = [];
    for (let j = 0; j < columns; j++) row.push(formatAppliedParameter(weights[k * columns + j], digits));
    out.push(row.join(' '));
  }
  return out;
}

/** `b ${1:0} ${2:0}`: the biases the engine gives a layer that leaves them out (zeros), as tab stops. */
export function biasesSnippet(size: number): string {
  return `b ${slots(new Array<string>(size).fill('0'), 1)}$0`;
}

/**
 * `example x ${1:0} ${2:0} y ${3:0}`: n_0 inputs and n_L targets as tab stops, holding the
 * default values `defaultTargets` gives.
 */
export function exampleSnippet(inputs: number, outputs: number, cost: CostName | null): string {
  const x = slots(new Array<string>(inputs).fill('0'), 1);
  const y = slots(defaultTargets(outputs, cost), inputs + 1);
  return `example x ${x} y ${y}$0`;
}

/**
 * Targets every output activation can reach and every cost accepts: zeros, except for a cost
 * that compares the outputs with a distribution (cross-entropy), where the first class is 1.
 */
export function defaultTargets(outputs: number, cost: CostName | null): string[] {
  const targets = new Array<string>(outputs).fill('0');
  if (cost !== null && costEntry(cost).needs === 'distribution') targets[0] = '1';
  return targets;
}

/** The activation a new layer's choice starts with: what the cost needs of an output layer, else the registry's first. */
export function defaultActivation(cost: CostName | null, isOutput: boolean): ActivationName {
  if (!isOutput || cost === null) return ACTIVATIONS[0];
  return fittingOutputs(costEntry(cost))[0] ?? ACTIVATIONS[0];
}

/** Values as tab stops numbered from `first`, the ones past MAX_TAB_STOPS as plain text. */
function slots(values: readonly string[], first: number): string {
  return values.map((value, i) => (first + i <= MAX_TAB_STOPS ? `\${${first + i}:${snippetText(value)}}` : snippetText(value))).join(' ');
}
