/**
 * Every command the extension contributes, in one place: the panel, the code lenses, the
 * hovers and the tests refer to these names, and hover Markdown trusts exactly the ones in
 * HOVER_TRUSTED_COMMANDS (never `isTrusted: true`).
 */
export const Command = {
  openPanel: 'backpropStepper.openPanel',
  step: 'backpropStepper.step',
  stepBack: 'backpropStepper.stepBack',
  stepLayer: 'backpropStepper.stepLayer',
  stepLayerBack: 'backpropStepper.stepLayerBack',
  runForward: 'backpropStepper.runForward',
  runBackward: 'backpropStepper.runBackward',
  reset: 'backpropStepper.reset',
  nextExample: 'backpropStepper.nextExample',
  previousExample: 'backpropStepper.previousExample',
  applyGradientStep: 'backpropStepper.applyGradientStep',
  /** Arguments: (uri: string, address: StepAddress). Moves the stepping position to that quantity. */
  stepTo: 'backpropStepper.stepTo',
  /** Arguments: (uri: string, address?: StepAddress). Opens the panel on that quantity. */
  showInPanel: 'backpropStepper.showInPanel',
  /** Arguments: (uri: string, example: number) with a 0-based example. Opens the panel on that example. */
  traceExample: 'backpropStepper.traceExample',
  /**
   * Arguments: (uri?: string | Uri). Lists the spec's examples to go to one (panel/goToExample.ts);
   * run again while that list is open (no argument), it toggles the list's order. Returns the
   * quick pick, for the in-editor tests.
   */
  goToExample: 'backpropStepper.goToExample',
  /**
   * Arguments: (uri?: string | Uri). Trains the spec's network in a worker thread and shows the
   * Training panel (training/registerTraining.ts); returns that panel, for the in-editor tests.
   */
  train: 'backpropStepper.train',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];

export const HOVER_TRUSTED_COMMANDS: readonly CommandId[] = [Command.stepTo, Command.showInPanel, Command.traceExample];
