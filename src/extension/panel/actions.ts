/**
 * What each stepping command does, in one table shared by the commands (keys, menus, palette)
 * and the panel's own buttons: a move of the stepping position (src/core/stepping/position.ts)
 * or Apply Gradient Step. Step and Step Back follow the `stepGranularity` setting.
 */
import { stepMoves, type Granularity, type StepMove } from '../../core/stepping/position';
import { Command, type CommandId } from '../commandIds';
import type { PanelAction } from '../../shared/panelMessages';

export type ActionPlan = { readonly kind: 'move'; readonly move: StepMove } | { readonly kind: 'apply' };

export function planAction(action: PanelAction, granularity: Granularity): ActionPlan {
  const moves = stepMoves(granularity);
  switch (action) {
    case 'step':
      return { kind: 'move', move: moves.forward };
    case 'stepBack':
      return { kind: 'move', move: moves.back };
    case 'stepLayer':
      return { kind: 'move', move: 'nextLayer' };
    case 'stepLayerBack':
      return { kind: 'move', move: 'previousLayer' };
    case 'applyGradientStep':
      return { kind: 'apply' };
    default:
      return { kind: 'move', move: action };
  }
}

/** The command of each panel action (they share names), for registering them in one loop. */
export const ACTION_COMMANDS: Readonly<Record<PanelAction, CommandId>> = {
  step: Command.step,
  stepBack: Command.stepBack,
  stepLayer: Command.stepLayer,
  stepLayerBack: Command.stepLayerBack,
  runForward: Command.runForward,
  runBackward: Command.runBackward,
  reset: Command.reset,
  nextExample: Command.nextExample,
  previousExample: Command.previousExample,
  applyGradientStep: Command.applyGradientStep,
};
