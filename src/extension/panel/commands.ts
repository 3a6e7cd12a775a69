/**
 * The panel feature's entry point: registers every Backprop Stepper command (src/extension/
 * commandIds.ts) and the panel manager. Called once from activate() in src/extension/main.ts.
 *
 * Commands act on "the current spec": the one named by their argument (editor-title buttons
 * pass the editor's URI; hovers and code lenses pass a URI string), else the spec of the
 * focused panel, else the active `.nnet` editor, else the last one that was active.
 *
 * No stepping command passes in silence: StepFeedback says why one changed nothing, and offers
 * to open the panel when one moved a spec whose panel is not on screen.
 */
import * as vscode from 'vscode';
import type { StepAddress } from '../../core/trace/types';
import type { PanelAction } from '../../shared/panelMessages';
import { isSpecDocument, type SpecAnalyses } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import { activeSpecUri, specDocument } from '../specArgument';
import type { Guard } from '../guard';
import type { Notices } from '../notices';
import type { Settings } from '../settings';
import type { ExerciseMode } from '../stepping/exerciseMode';
import type { StepPositions } from '../stepping/stepPositions';
import { ACTION_COMMANDS, planAction, type CommandAction } from './actions';
import { applyGradientStep } from './applyGradientStep';
import { Exercises } from './exercises';
import { ExamplePicker } from './goToExample';
import { PanelManager } from './panelManager';
import { runHistoryCommand } from './specHistory';
import { StepFeedback } from './stepFeedback';

export interface PanelFeatureDeps {
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
  readonly settings: Settings;
  readonly notices: Notices;
  readonly guard: Guard;
  /** Which specs an exercise asks on, read by the editor's hovers, lenses and inlay hints. */
  readonly exerciseMode: ExerciseMode;
}

export function registerPanelFeature(context: vscode.ExtensionContext, deps: PanelFeatureDeps): PanelManager {
  const { analyses, positions, settings, notices, guard } = deps;
  let lastSpec: vscode.Uri | undefined = vscode.window.activeTextEditor && isSpecDocument(vscode.window.activeTextEditor.document) ? vscode.window.activeTextEditor.document.uri : undefined;

  async function runAction(document: vscode.TextDocument, action: PanelAction): Promise<void> {
    const plan = planAction(action, settings.current.stepGranularity);
    if (plan.kind === 'apply') await applyGradientStep(document, analyses, settings.current.applyDigits);
    else if (plan.kind === 'history') await runHistoryCommand(document, plan.command, manager.panelFor(document.uri));
    else {
      const before = positions.get(document);
      feedback.afterMove(document, plan.move, before, positions.move(document, plan.move));
    }
  }

  // Exercise mode runs in the panel: it opens the spec's panel, with focus, for the answers.
  const exercises = new Exercises({ analyses, positions, settings, mode: deps.exerciseMode, open: (document) => manager.open(document, false) });
  const manager = new PanelManager({ extensionUri: context.extensionUri, analyses, positions, settings, guard, runAction, exercises });
  const feedback = new StepFeedback({
    analyses,
    positions,
    notices,
    panels: manager,
    debugging: (document) => {
      const session = vscode.debug.activeDebugSession;
      return session?.type === 'nnet' && session.configuration.program === document.uri.fsPath;
    },
  });

  const specFor = (argument: unknown) => specDocument(argument, (uri) => analyses.documentFor(uri), [manager.active?.uri, activeSpecUri(), lastSpec]);

  async function withSpec<T>(argument: unknown, run: (document: vscode.TextDocument) => T): Promise<Awaited<T> | undefined> {
    const document = await specFor(argument);
    if (!document) {
      void vscode.window.showInformationMessage('Open a .nnet spec to step through its backpropagation.');
      return undefined;
    }
    return await run(document);
  }

  /** Trace this example's path, shared with Go to Example so the panel, hovers and lenses follow alike. */
  function showExample(document: vscode.TextDocument, example: number, preserveFocus: boolean): void {
    manager.open(document, preserveFocus);
    positions.set(document, { example, step: positions.get(document).step });
  }

  // Chosen from a list over the editor or the panel: focus goes back where it was, so the keys keep stepping.
  const examples = new ExamplePicker({ analyses, positions, settings, notices, guard, showExample: (document, example) => showExample(document, example, true) });

  context.subscriptions.push(
    manager,
    exercises,
    examples,
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isSpecDocument(editor.document)) lastSpec = editor.document.uri;
    }),
    vscode.commands.registerCommand(Command.openPanel, (uri?: unknown) => withSpec(uri, (document) => manager.open(document))),
    vscode.commands.registerCommand(Command.stepTo, (uri?: unknown, address?: StepAddress) =>
      withSpec(uri, (document) => {
        if (address) positions.stepTo(document, address);
        feedback.afterStepTo(document);
      }),
    ),
    vscode.commands.registerCommand(Command.showInPanel, (uri?: unknown, address?: StepAddress) =>
      withSpec(uri, (document) => {
        manager.open(document, false);
        if (address) positions.stepTo(document, address);
      }),
    ),
    vscode.commands.registerCommand(Command.traceExample, (uri?: unknown, example?: number) =>
      withSpec(uri, (document) => {
        if (Number.isInteger(example)) showExample(document, example!, false);
        else manager.open(document, false);
      }),
    ),
    // Its key pressed again while the list is open (no argument) changes the list's order.
    vscode.commands.registerCommand(Command.goToExample, (uri?: unknown) =>
      uri === undefined && examples.isOpen ? examples.toggleOrder() : withSpec(uri, (document) => examples.show(document)),
    ),
    vscode.commands.registerCommand(Command.startExercise, (uri?: unknown, scope?: unknown) =>
      withSpec(uri, (document) => exercises.start(document, typeof scope === 'string' ? scope : undefined)),
    ),
    ...(Object.entries(ACTION_COMMANDS) as [CommandAction, string][]).map(([action, command]) =>
      vscode.commands.registerCommand(command, (uri?: unknown) => withSpec(uri, (document) => runAction(document, action))),
    ),
  );
  return manager;
}
