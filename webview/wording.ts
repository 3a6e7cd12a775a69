/** The panel's sentences about where the learner is; pure, tested in Node. */
import type { Phase } from '../src/core/trace/types';
import type { ViewMessage } from '../src/shared/panelMessages';

const PHASES: Record<Phase, string> = {
  forward: 'forward pass',
  cost: 'cost',
  backward: 'backward pass',
  update: 'gradient step',
};

/** "step 17 of 42 · backward pass · layer 1", or where stepping starts. */
export function positionText(view: ViewMessage): string {
  if (!view.step) return `before step 1 of ${view.stepCount} · nothing computed yet`;
  const where = view.step.phase === 'cost' ? '' : ` · layer ${view.step.layer}`;
  return `step ${view.step.index + 1} of ${view.stepCount} · ${PHASES[view.step.phase]}${where}`;
}

/** "example 12 of 150 · iris.csv, row 12 (line 13)": which example, and where the spec got it. */
export function exampleText(view: Pick<ViewMessage, 'example' | 'exampleCount' | 'exampleOrigin'>): string {
  const where = view.exampleOrigin ? ` · ${view.exampleOrigin}` : '';
  return `example ${view.example + 1} of ${view.exampleCount}${where}`;
}

export const IDLE_TEXT = 'Nothing is computed yet. Step (→) to compute z⁽¹⁾₁, the first quantity of the forward pass.';
