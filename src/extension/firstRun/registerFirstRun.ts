/**
 * The first-run feature's entry point: Backprop: New Network Spec…, Backprop: Write Initial
 * Weights and the buttons of the Get Started walkthrough (package.json contributes.walkthroughs,
 * its pages in media/walkthrough/). Called once from activate() in src/extension/main.ts.
 */
import * as vscode from 'vscode';
import { activeSpecUri, specDocument } from '../specArgument';
import { Command } from '../commandIds';
import type { Services } from '../services';
import { showNewSpecPick } from './newSpec';
import { WalkthroughActions } from './walkthroughActions';
import { writeInitialWeights } from './writeInitialWeights';

export function registerFirstRun(context: vscode.ExtensionContext, services: Services): vscode.Disposable {
  const { analyses, notices, guard } = services;
  const actions = new WalkthroughActions({ extensionUri: context.extensionUri, analyses });
  const undefinedAnswer = () => undefined;
  /** Each command runs guarded: a bug is logged and answers undefined instead of vanishing. */
  const register = (id: string, doing: string, body: (argument?: unknown) => unknown) =>
    vscode.commands.registerCommand(id, (argument?: unknown) => guard.run(doing, undefinedAnswer, () => body(argument)));

  return vscode.Disposable.from(
    actions,
    register(Command.newSpec, 'showing New Network Spec', () => showNewSpecPick(context.extensionUri)),
    register(Command.writeInitialWeights, 'writing the initial weights', async (argument) => {
      const document = await specDocument(argument, (uri) => analyses.documentFor(uri), [activeSpecUri()]);
      if (!document) {
        void notices.inform('Open a .nnet spec to write its initial weights.');
        return false;
      }
      return writeInitialWeights(document, analyses, notices);
    }),
    register(Command.walkthroughOpenExample, 'opening the walkthrough’s example', () => actions.openExample()),
    register(Command.walkthroughHoverWeight, 'hovering a weight for the walkthrough', () => actions.hoverWeight()),
    register(Command.walkthroughOpenPanelAndStep, 'opening the panel for the walkthrough', () => actions.openPanelAndStep()),
    register(Command.walkthroughDebug, 'debugging for the walkthrough', () => actions.debug()),
    register(Command.walkthroughTrain, 'training for the walkthrough', () => actions.train()),
    register(Command.walkthroughExportSolution, 'exporting for the walkthrough', () => actions.exportSolution()),
  );
}
