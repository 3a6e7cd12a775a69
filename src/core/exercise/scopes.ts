import { thousands } from '../notation/count';
import type { Trace } from '../trace/types';

/**
 * What an exercise covers: a run of consecutive steps of one example's trace. The choices are
 * the trace's own phases (src/core/trace/layout.ts), so each can be finished in a known number
 * of answers: the forward pass with the cost, the backward pass whole or one layer at a time,
 * the gradient step, or everything.
 */
export interface ExerciseScope {
  readonly id: string;
  /** e.g. "Backward pass, layer 2". */
  readonly label: string;
  /** e.g. "12 answers: ∂cᵢ/∂a, σ′(z) and δ of each neuron, then ∂cᵢ/∂w and ∂cᵢ/∂b". */
  readonly detail: string;
  /** First step asked (0-based trace index), and one past the last. */
  readonly start: number;
  readonly end: number;
}

function answers(count: number): string {
  return count === 1 ? '1 answer' : `${thousands(count)} answers`;
}

export function exerciseScopes(trace: Pick<Trace, 'groups' | 'length'>): ExerciseScope[] {
  const groups = trace.groups;
  const span = (phases: readonly string[]) => {
    const chosen = groups.filter((g) => phases.includes(g.phase));
    return chosen.length > 0 ? { start: chosen[0].start, end: chosen[chosen.length - 1].end } : null;
  };
  const scopes: ExerciseScope[] = [];
  const push = (id: string, label: string, what: string, range: { start: number; end: number } | null) => {
    if (range && range.end > range.start) scopes.push({ id, label, detail: `${answers(range.end - range.start)}: ${what}`, ...range });
  };
  push('forward', 'Forward pass and cost', 'z and a of each neuron, layer by layer, then cᵢ', span(['forward', 'cost']));
  push('backward', 'Backward pass', '∂cᵢ/∂a, σ′(z) and δ of each neuron, then ∂cᵢ/∂w and ∂cᵢ/∂b, from the last layer down', span(['backward']));
  for (const g of groups.filter((g) => g.phase === 'backward')) {
    push(`backward-${g.layer}`, `Backward pass, layer ${g.layer}`, `∂cᵢ/∂a, σ′(z) and δ of each neuron of layer ${g.layer}, then its ∂cᵢ/∂w and ∂cᵢ/∂b`, g);
  }
  push('update', 'Gradient step', 'each weight and bias after one step, w − η ∂c/∂w', span(['update']));
  push('whole', 'The whole example', 'forward pass, cost, backward pass and gradient step', trace.length > 0 ? { start: 0, end: trace.length } : null);
  return scopes;
}
