/**
 * The buttons of the Get Started walkthrough (package.json contributes.walkthroughs). A button
 * is pressed on the Welcome page, where no text editor is active, so each one first finds the
 * spec the learner is working on — the `.nnet` editor last active, if still open — or else opens
 * the article's 2-2-2 example (examples/mazur.nnet, read-only: it lives in the extension's
 * folder), brings that editor forward, and then runs the extension's own command on it:
 * Open Panel and Step, the hover of a weight, Debug Backpropagation, Train, Export Worked
 * Solution. Each has a command id of its own, so the walkthrough ticks off the step whose
 * button was pressed (its completionEvents).
 *
 * Each action returns what it did (the editor, or the command's own result) for the in-editor
 * test, and resolves to undefined after telling the person when it cannot act.
 */
import * as vscode from 'vscode';
import { spanAt, spanCount } from '../../core/text/range';
import { isSpecDocument, type SpecAnalyses } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import { toVscodeRange } from '../vscodeRanges';
import { exampleUri } from './specCatalog';
import { openShippedReadOnly } from './newSpec';

/** Registered by the debugger (debug/registerDebugger.ts), by this name. */
const DEBUG_SPEC = 'backpropStepper.debugSpec';

/** The example the walkthrough opens when no spec is open: the article's 2-2-2 network. */
export const WALKTHROUGH_EXAMPLE = 'mazur.nnet';

export interface WalkthroughDeps {
  readonly extensionUri: vscode.Uri;
  readonly analyses: SpecAnalyses;
}

export class WalkthroughActions implements vscode.Disposable {
  private lastSpec: vscode.Uri | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: WalkthroughDeps) {
    const remember = (editor: vscode.TextEditor | undefined) => {
      if (editor && isSpecDocument(editor.document)) this.lastSpec = editor.document.uri;
    };
    remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor(remember);
  }

  /**
   * Opens the walkthrough's example in the active editor group: the walkthrough's buttons are
   * `command:toSide:` links, which make a group beside the Welcome page the active one first.
   */
  openExample(): Promise<vscode.TextEditor> {
    return openShippedReadOnly(exampleUri(this.deps.extensionUri, WALKTHROUGH_EXAMPLE), vscode.ViewColumn.Active);
  }

  /** Puts the cursor on a weight of the spec (the first of the output layer) and shows its hover. */
  async hoverWeight(): Promise<vscode.TextEditor | undefined> {
    let editor = await this.specEditor();
    let weight = await this.firstWeight(editor.document);
    if (!weight) {
      // The learner's spec writes no weight (they come from its seed): hover one of the example's.
      editor = await this.openExample();
      weight = await this.firstWeight(editor.document);
    }
    if (!weight) return undefined;
    editor.selection = new vscode.Selection(weight.start, weight.start);
    editor.revealRange(weight, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showHover');
    return editor;
  }

  /** Opens the spec's panel and takes the first step: z⁽¹⁾₁. */
  async openPanelAndStep(): Promise<vscode.TextEditor> {
    const editor = await this.specEditor();
    await vscode.commands.executeCommand(Command.openPanel, editor.document.uri);
    await vscode.commands.executeCommand(Command.step, editor.document.uri);
    return editor;
  }

  /** Starts a debug session on the spec, as F5 does. */
  async debug(): Promise<vscode.TextEditor> {
    const editor = await this.specEditor();
    await vscode.commands.executeCommand(DEBUG_SPEC, editor.document.uri);
    return editor;
  }

  /** Trains the spec's network and shows its Training panel (Train's own result). */
  async train(): Promise<unknown> {
    const editor = await this.specEditor();
    return vscode.commands.executeCommand(Command.train, editor.document.uri);
  }

  /** Runs Export Worked Solution on the spec, which asks for the format (its own result). */
  async exportSolution(): Promise<unknown> {
    const editor = await this.specEditor();
    return vscode.commands.executeCommand(Command.exportSolution, editor.document.uri);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /**
   * The learner's spec, brought forward in its editor; else the walkthrough's example. A spec
   * whose tab another editor covers (its Training panel, say) comes forward in its own group,
   * not over the walkthrough the learner is reading.
   */
  private async specEditor(): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.filter((editor) => isSpecDocument(editor.document));
    const editor = visible.find((e) => e.document.uri.toString() === this.lastSpec?.toString()) ?? visible[0];
    if (editor) return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    const open = this.lastSpec && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.lastSpec?.toString() && isSpecDocument(d));
    if (open) return vscode.window.showTextDocument(open, { viewColumn: groupHolding(open.uri) ?? vscode.ViewColumn.Beside, preserveFocus: false });
    return this.openExample();
  }

  /** The first weight the spec writes, of its output layer if that writes its `w`, else of the last layer that does. */
  private async firstWeight(document: vscode.TextDocument): Promise<vscode.Range | undefined> {
    const analysis = await this.deps.analyses.ready(document, new vscode.CancellationTokenSource().token);
    const layers = analysis?.source.layers ?? [];
    for (let l = layers.length - 1; l >= 1; l--) {
      const spans = layers[l]?.weights;
      if (spans && spanCount(spans) > 0) return toVscodeRange(spanAt(spans, 0));
    }
    return undefined;
  }
}

/** The column of the editor group that has a tab of the text document `uri`, if any. */
function groupHolding(uri: vscode.Uri): vscode.ViewColumn | undefined {
  const key = uri.toString();
  return vscode.window.tabGroups.all.find((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key))?.viewColumn;
}
