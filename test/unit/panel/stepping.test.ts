/** Step order and step-back as the panel's controller drives them (planAction + the position arithmetic). */
import { describe, expect, it } from 'vitest';
import { applyMove, type StepPosition } from '../../../src/core/stepping/position';
import { planAction } from '../../../src/extension/panel/actions';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import type { PanelAction } from '../../../src/shared/panelMessages';
import { analyseText, mazurText } from './realAnalysis';

const analysis = analyseText(mazurText());
const context = { exampleCount: analysis.exampleCount, traceOf: (e: number) => analysis.trace(e, 6) };

function act(position: StepPosition, action: PanelAction, granularity: 'neuron' | 'layer' = 'neuron'): StepPosition {
  const plan = planAction(action, granularity);
  if (plan.kind !== 'move') throw new Error('not a move');
  return applyMove(position, plan.move, context);
}

function shown(position: StepPosition): string {
  const message = buildPanelMessage({ uri: 'u', fileName: 'f', analysis, position, digits: 6 });
  if (message.type === 'view' && message.step === null) return 'before the first step';
  return message.type === 'view' ? `${message.step!.address.kind}${message.step!.address.layer}${message.step!.address.j}${message.step!.address.k || ''}` : message.type;
}

describe('stepping through the panel', () => {
  it('walks forward, cost, backward (∂c/∂a, σ′, δ per neuron, then ∂c/∂w, ∂c/∂b), then the update', () => {
    let position: StepPosition = { example: 0, step: 0 };
    const seen = [shown(position)];
    for (let i = 0; i < 22; i++) seen.push(shown((position = act(position, 'step'))));
    expect(seen).toEqual([
      'z11', 'a11', 'z12', 'a12', 'z21', 'a21', 'z22', 'a22', 'cost20',
      'dcda21', 'dadz21', 'delta21', 'dcda22', 'dadz22', 'delta22',
      'dw211', 'dw221', 'dw212', 'dw222', 'db21', 'db22', 'dcda11', 'dadz11',
    ]);
  });

  it('steps back to exactly the previous quantity, then to before the first step, and stops there', () => {
    let position: StepPosition = { example: 0, step: 0 };
    const forward: string[] = [];
    for (let i = 0; i < 12; i++) forward.push(shown((position = act(position, 'step'))));
    for (let i = 10; i >= 0; i--) expect(shown((position = act(position, 'stepBack')))).toBe(forward[i]);
    expect(shown((position = act(position, 'stepBack')))).toBe('z11');
    expect(shown((position = act(position, 'stepBack')))).toBe('before the first step');
    expect(shown((position = act(position, 'stepBack')))).toBe('before the first step');
    expect(shown(act(position, 'step'))).toBe('z11');
  });

  it('moves a layer at a time, runs whole passes and resets', () => {
    const start = { example: 0, step: 0 };
    expect(shown(act(start, 'stepLayer'))).toBe('a12');
    expect(shown(act(act(start, 'stepLayer'), 'stepLayer'))).toBe('a22');
    expect(shown(act(start, 'runForward'))).toBe('cost20');
    expect(shown(act(start, 'runBackward'))).toBe('db12');
    expect(shown(act(act(start, 'runBackward'), 'stepLayerBack'))).toBe('db22');
    // Reset goes where its label says: before the first step, nothing computed.
    const reset = act(act(start, 'runBackward'), 'reset');
    expect(shown(reset)).toBe('before the first step');
    const view = buildPanelMessage({ uri: 'u', fileName: 'f', analysis, position: reset, digits: 6 });
    expect(view.type === 'view' && view.layers[2].a.every((a) => a === null)).toBe(true);
    expect(shown(act(reset, 'step'))).toBe('z11');
    expect(shown(act(start, 'step', 'layer'))).toBe('a12');
  });
});
