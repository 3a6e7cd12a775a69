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
  /**
   * Arguments: (uri?: string | Uri). Checks backprop's gradient against central differences in a
   * worker thread and shows the gradient check panel (gradientCheck/registerGradientCheck.ts);
   * returns that panel, for the in-editor tests.
   */
  checkGradients: 'backpropStepper.checkGradients',
  /**
   * Arguments: (uri?: string | Uri, scope?: string). Starts exercise mode in the spec's panel
   * (panel/exercises.ts) over the scope of that id (src/core/exercise/scopes.ts: 'forward',
   * 'backward', 'backward-ℓ', 'update', 'whole'), else the one picked; returns the session.
   */
  startExercise: 'backpropStepper.startExercise',
  /**
   * No arguments. Lists the templates and shipped examples to start a spec from
   * (firstRun/newSpec.ts); returns the quick pick, for the in-editor tests.
   */
  newSpec: 'backpropStepper.newSpec',
  /**
   * Arguments: (uri?: string | Uri). Writes the weights and biases the spec leaves to its seed as
   * explicit `w`/`b` lines, one edit (firstRun/writeInitialWeights.ts); returns whether it did.
   */
  writeInitialWeights: 'backpropStepper.writeInitialWeights',
  /** The Get Started walkthrough's buttons (firstRun/walkthroughActions.ts); no arguments. */
  walkthroughOpenExample: 'backpropStepper.walkthrough.openExample',
  walkthroughHoverWeight: 'backpropStepper.walkthrough.hoverWeight',
  walkthroughOpenPanelAndStep: 'backpropStepper.walkthrough.openPanelAndStep',
  walkthroughDebug: 'backpropStepper.walkthrough.debug',
  walkthroughTrain: 'backpropStepper.walkthrough.train',
  walkthroughExportSolution: 'backpropStepper.walkthrough.exportSolution',
  /**
   * Arguments: (uri?: string | Uri, request?: ExportRequest). Exports the spec's worked solution
   * as Markdown (previewed beside), LaTeX or a notebook (export/registerExports.ts); the request's
   * format, scope and target stand in for the dialogs. Returns the documents written or opened.
   */
  exportSolution: 'backpropStepper.exportSolution',
  /** Arguments: as exportSolution (the target is a folder). Writes the exercise sheet and its answer key. */
  exportExerciseSheet: 'backpropStepper.exportExerciseSheet',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];

export const HOVER_TRUSTED_COMMANDS: readonly CommandId[] = [Command.stepTo, Command.showInPanel, Command.traceExample];
