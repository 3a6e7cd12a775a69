import * as vscode from 'vscode';
import { specCompletions, wantsCompletion, type SpecCompletion } from '../../core/completion/specCompletions';
import type { Settings } from '../settings';
import { fromVscodePosition, toVscodeRange } from '../vscodeRanges';

/**
 * Completions in a `.nnet` editor: keywords with their snippets, activations, costs and data
 * sets (src/core/completion/specCompletions.ts decides what and where; this only converts). The
 * `w` snippet writes the seeded weights at `backpropStepper.applyDigits` significant digits, as
 * Apply Gradient Step writes numbers. A space is a trigger character, so the costs appear after
 * `cost `, the activations after a layer's size and the data sets after `data `.
 *
 * Names are inserted as plain text and keywords as snippets: with `editor.acceptSuggestionOnEnter`
 * at "smart" (package.json sets it for nnet), Enter after a name typed out in full starts a new
 * line instead of accepting that same name again.
 */
export class SpecCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [' '];

  constructor(private readonly settings: Settings) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] {
    const options = { digits: this.settings.current.applyDigits, typedSpace: context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter };
    // The line alone says whether anything can be offered; only then is the whole text read.
    if (!wantsCompletion(document.lineAt(position.line).text, position.character, options)) return [];
    return specCompletions(document.getText(), fromVscodePosition(position), options).map(toItem);
  }
}

const KINDS: Readonly<Record<SpecCompletion['kind'], vscode.CompletionItemKind>> = {
  keyword: vscode.CompletionItemKind.Keyword,
  inputs: vscode.CompletionItemKind.Keyword,
  activation: vscode.CompletionItemKind.Function,
  cost: vscode.CompletionItemKind.Function,
  'data-set': vscode.CompletionItemKind.Value,
};

function toItem(completion: SpecCompletion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(completion.label, KINDS[completion.kind]);
  item.detail = completion.detail;
  // A plain string is shown as plain text: formulas and names are never read as Markdown.
  item.documentation = completion.documentation;
  item.insertText = completion.snippet ? new vscode.SnippetString(completion.insertText) : completion.insertText;
  item.range = toVscodeRange(completion.range);
  item.sortText = completion.sortText;
  if (completion.removeIndent) item.additionalTextEdits = [vscode.TextEdit.delete(toVscodeRange(completion.removeIndent))];
  return item;
}
