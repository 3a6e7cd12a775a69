/**
 * What each stepping command does, in one table shared by the commands (keys, menus, palette)
 * and the panel's own buttons: a move of the stepping position (src/core/stepping/position.ts),
 * Apply Gradient Step, or (from the panel's Ctrl+Z / Ctrl+Shift+Z) undo / redo of the spec's
 * last edit. Step and Step Back follow the `stepGranularity` setting.
 */
import { stepMoves, type Granularity, type StepMove } from '../../core/stepping/position';
import { Command, type CommandId } from '../commandIds';
import type { PanelAction } from '../../shared/panelMessages';

export type ActionPlan =
  | { readonly kind: 'move'; readonly move: StepMove }
  | { readonly kind: 'apply' }
  | { readonly kind: 'history'; readonly command: 'undo' | 'redo' };

/** The panel actions that are also commands of their own (undo and redo are VS Code's). */
export type CommandAction = Exclude<PanelAction, 'undo' | 'redo'>;

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
    case 'undo':
    case 'redo':
      return { kind: 'history', command: action };
    default:
      return { kind: 'move', move: action };
  }
}

/** The command of each panel action (they share names), for registering them in one loop. */
export const ACTION_COMMANDS: Readonly<Record<CommandAction, CommandId>> = {
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
