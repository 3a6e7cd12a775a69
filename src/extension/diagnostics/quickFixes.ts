import * as vscode from 'vscode';
import type { Diagnostic, Fix } from '../../core/diagnostics';
import { SHAPE_FIX_CODES, shapeFix } from '../../core/edit/shapeFixes';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import type { Guard } from '../guard';
import type { Settings } from '../settings';
import { DIAGNOSTIC_SOURCE, toVscodeRange } from '../vscodeRanges';

/**
 * Quick fixes for the problems that carry exactly one sensible edit (a misspelt activation,
 * cost or keyword: "Change to 'sigmoid'"). The edit comes from the core's diagnostic itself, so
 * the fix offered is always the suggestion the message names. Problems of shape — a `w` with
 * the wrong number of rows, a spec without examples, an example with too few or too many
 * numbers — get theirs from core/edit/shapeFixes.ts (seeded weights written at
 * `backpropStepper.applyDigits` digits). Applying one is a single
 * WorkspaceEdit, which one Undo reverts; it is marked preferred, so Auto Fix (⇧⌥. / Shift+Alt+.)
 * applies it without a menu. A bug while finding them is logged by `guard` (guard.ts) and
 * offers no fix, rather than failing silently.
 */
export function registerQuickFixes(analyses: SpecAnalyses, guard: Guard, settings?: Settings): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions: guard.wrap(
      (document) => `finding the quick fixes for ${document.uri}`,
      () => [],
      (document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken) =>
        quickFixes(analyses, document, context, token, settings?.current.applyDigits),
    ),
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'nnet' }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}

/** The quick fixes for the problems VS Code asks about in `context`. */
async function quickFixes(analyses: SpecAnalyses, document: vscode.TextDocument, context: vscode.CodeActionContext, token: vscode.CancellationToken, digits?: number): Promise<vscode.CodeAction[]> {
  const wanted = context.only;
  if (wanted !== undefined && !vscode.CodeActionKind.QuickFix.intersects(wanted)) return [];
  const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (ours.length === 0) return [];
  // The fix's range must fit the text as it is now, so read the current version's analysis
  // (VS Code asks again once the problems it shows are refreshed from it).
  const analysis = await analyses.ready(document, token);
  if (analysis === undefined || token.isCancellationRequested) return [];
  const problems = analysis.problems;
  const actions: vscode.CodeAction[] = [];
  // The text the analysis is of (its version is the document's), read once and only when needed.
  let text: string | undefined;
  const fixOf = (problem: Diagnostic): Fix | undefined => {
    if (problem.fix !== undefined || !SHAPE_FIX_CODES.has(problem.code)) return problem.fix;
    text ??= document.getText();
    return shapeFix(text, analysis.source, problem, { digits });
  };
  for (const shown of ours) {
    const problem = problems.find((p) => (p.fix !== undefined || SHAPE_FIX_CODES.has(p.code)) && sameProblem(p, shown));
    const fix = problem && fixOf(problem);
    if (fix === undefined) continue;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [shown];
    action.isPreferred = true;
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toVscodeRange(fix.range), fix.newText);
    actions.push(action);
  }
  return actions;
}

/** The Problems view's copy of a diagnostic is matched to the analysis' own by code and range. */
function sameProblem(problem: Diagnostic, shown: vscode.Diagnostic): boolean {
  return problem.code === shown.code && toVscodeRange(problem.range).isEqual(shown.range);
}
