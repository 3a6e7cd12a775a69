/**
 * What the extension says about a stepping command when the person could not otherwise tell
 * what happened: the command changed nothing (the end of the trace, the only example, before
 * the first step, a spec that does not run), or it moved the position of a spec whose panel is
 * not on screen. Pure (no vscode), so every wording is unit-tested; StepFeedback
 * (src/extension/panel/stepFeedback.ts) decides when to show them.
 */
import { BEFORE_FIRST, type StepMove, type StepPosition } from '../../core/stepping/position';
import type { EngineSkip } from '../analysis/analyse';

/** The spec and position a message talks about. */
export interface StepSituation {
  readonly fileName: string;
  /** Where the position is (after the command). */
  readonly position: StepPosition;
  /** m, or 0 while the spec does not run. */
  readonly exampleCount: number;
  /** Steps in the current example's trace, or null while the spec does not run. */
  readonly stepCount: number | null;
  /** Why the spec does not run, when it does not. */
  readonly skipped: EngineSkip | null;
}

/**
 * Why `move` left the position where it was. Called only when the position did not change;
 * every such case gets a sentence, so no stepping key ever does nothing in silence.
 */
export function unmovedMessage(move: StepMove, situation: StepSituation): string {
  const { fileName, position, exampleCount, stepCount } = situation;
  if (stepCount === null) return notRunningMessage(fileName, situation.skipped);
  const example = position.example + 1;
  switch (move) {
    case 'next':
    case 'nextLayer': {
      const onward = example < exampleCount ? ` Next Example steps example ${example + 1};` : '';
      return `End of the trace: step ${stepCount} of ${stepCount} was the last for example ${example}.${onward} Reset starts again.`;
    }
    case 'previous':
    case 'previousLayer':
    case 'reset':
      return 'Already before the first step: nothing is computed yet.';
    case 'runForward':
      return `Already at the cost cᵢ of example ${example}: its forward pass is complete.`;
    case 'runBackward':
      return `Already at the end of the backward pass of example ${example}: every ∂cᵢ/∂w and ∂cᵢ/∂b is computed.`;
    case 'nextExample':
      return exampleCount <= 1 ? `${fileName} has only one example, so there is no next one. Add an \`example\` line to step through another.` : `Example ${example} is the last of the ${exampleCount} examples.`;
    case 'previousExample':
      return exampleCount <= 1 ? `${fileName} has only one example, so there is no previous one.` : 'Example 1 is the first example.';
  }
}

/** Why nothing can be stepped while the engine does not run on the spec. */
export function notRunningMessage(fileName: string, skipped: EngineSkip | null): string {
  switch (skipped) {
    case 'too-large':
      return `${fileName} is too large to step through interactively.`;
    case 'no-examples':
      return `${fileName} has no example to step through: add an \`example\` line, e.g. \`example x 0.05 0.10 y 0.01 0.99\`.`;
    case 'internal-error':
      return `Backprop Stepper could not run ${fileName} (the details are in Output › Backprop Stepper).`;
    case 'pending':
      return `${fileName} is still being computed; step again in a moment.`;
    default:
      return `${fileName} has errors, so there is nothing to step yet: fix them first (see the Problems view).`;
  }
}

/**
 * Where the position is, for a spec whose panel is not on screen: "step 12 of 45 (δ⁽²⁾₁)", or
 * "before the first step". `symbol` is the current step's symbol in Unicode, if there is one.
 */
export function whereText(situation: StepSituation, symbol: string | null): string {
  const { position, stepCount, exampleCount } = situation;
  if (stepCount === null) return 'not steppable until it runs';
  const example = exampleCount > 1 ? ` of example ${position.example + 1}` : '';
  if (position.step === BEFORE_FIRST) return `before the first step${example}`;
  return `at step ${position.step + 1} of ${stepCount}${example}${symbol ? ` (${symbol})` : ''}`;
}

/** The button of the offer below. */
export const OPEN_PANEL = 'Open Panel';

/** The offer made when a stepping command moved a spec whose panel is closed or hidden. */
export function hiddenPanelMessage(situation: StepSituation, symbol: string | null, panelExists: boolean): string {
  return `${situation.fileName} is now ${whereText(situation, symbol)}, but its panel is ${panelExists ? 'hidden' : 'closed'}.`;
}

/** The short status-bar line that follows each such move once the offer has been made. */
export function hiddenPanelStatus(situation: StepSituation, symbol: string | null): string {
  return `Backprop · ${situation.fileName} ${whereText(situation, symbol)}`;
}
