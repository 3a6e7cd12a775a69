/**
 * *Backprop: Export Worked Solution…* and *Backprop: Export Exercise Sheet…*: the editor's side of
 * the exports (the text is made by exportText.ts from the core's writers).
 *
 * Worked solution: a quick pick of the format and of the scope (the whole trace, or up to the
 * stepping position when it is inside the trace); digits and weight order follow the settings,
 * as the panel's do. Markdown opens as an untitled document beside the spec with VS Code's
 * Markdown preview to its side; LaTeX and notebooks go through a save dialog (named after the
 * spec, beside it) and then open. Exercise sheet: the format (Markdown or LaTeX), the scope, a
 * folder; it writes NAME-exercise and NAME-answers there, then opens the exercise.
 *
 * Both commands take their choices as an optional second argument too (ExportRequest), so the
 * in-editor tests and other callers need no dialog; the spec's file is never written.
 */
import * as vscode from 'vscode';
import { exampleOriginText } from '../../core/notation/exampleOrigin';
import { isSpecDocument } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import type { Services } from '../services';
import { EXPORT_SCOPES, EXTENSIONS, sheetTexts, SHEET_FORMATS, solutionText, SOLUTION_FORMATS, type ExportInput, type ExportScope, type SheetFormat, type SolutionFormat } from './exportText';

/** What a caller may decide in place of the dialogs. `target` is a file (solution) or a folder (sheet), as a path or URI string. */
export interface ExportRequest {
  readonly format?: string;
  readonly scope?: string;
  readonly target?: string;
  /** false: write the LaTeX or notebook file without opening it (default true). */
  readonly open?: boolean;
}

/** What an export did, for the caller (the tests): the documents it opened or wrote. */
export interface ExportOutcome {
  readonly uris: readonly string[];
}

const FORMAT_PICKS: readonly (vscode.QuickPickItem & { readonly format: SolutionFormat })[] = [
  { format: 'markdown', label: 'Markdown', description: 'opened beside, with its preview' },
  { format: 'latex', label: 'LaTeX document (.tex)', description: 'amsmath, for pdflatex' },
  { format: 'notebook', label: 'Jupyter notebook (.ipynb)', description: 'with Python cells that recompute every quantity' },
  { format: 'notebook-markdown', label: 'Jupyter notebook, text only (.ipynb)', description: 'the derivation without code' },
];

export function registerExports(services: Services): vscode.Disposable {
  // Behind the error boundary: a bug is logged and the command ends with nothing exported.
  const run = (doing: string, work: (uri: unknown, request: ExportRequest) => Promise<ExportOutcome | undefined>) =>
    services.guard.wrap(doing, () => undefined, (uri?: unknown, request?: ExportRequest) => work(uri, request ?? {}));
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.exportSolution, run('exporting a worked solution', (uri, request) => exportSolution(services, uri, request))),
    vscode.commands.registerCommand(Command.exportExerciseSheet, run('exporting an exercise sheet', (uri, request) => exportSheet(services, uri, request))),
  );
}

async function exportSolution(services: Services, argument: unknown, request: ExportRequest): Promise<ExportOutcome | undefined> {
  const prepared = await prepare(services, argument);
  if (!prepared) return undefined;
  const format = await choose(request.format, SOLUTION_FORMATS, FORMAT_PICKS.map((p) => ({ ...p, value: p.format })), 'Export the worked solution as');
  if (!format) return undefined;
  // While an exercise asks on this spec, the solution stops where the learner stands: the rest
  // is what they are working out.
  const exercising = services.exerciseMode.isAsking(prepared.document.uri);
  const scoped = exercising ? { ...prepared, throughStep: Math.max(-1, prepared.step) } : await chooseScope(prepared, request.scope);
  if (!scoped) return undefined;
  if (exercising) {
    void services.notices.inform(
      `An exercise is running on ${baseName(prepared.document)}: the worked solution goes ${prepared.step >= 0 ? `up to step ${prepared.step + 1}, where you stand` : 'no further than the start'}. End the exercise to export all of it.`,
    );
  }
  const text = await solutionText(scoped, format);
  if (format === 'markdown') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
    return { uris: [document.uri.toString()] };
  }
  const target = request.target
    ? toUri(request.target)
    : await vscode.window.showSaveDialog({
        defaultUri: besideSpec(prepared.document, `.${EXTENSIONS[format]}`),
        filters: format === 'latex' ? { 'LaTeX document': ['tex'] } : { 'Jupyter notebook': ['ipynb'] },
        saveLabel: 'Export',
      });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (request.open !== false) await vscode.commands.executeCommand('vscode.open', target, vscode.ViewColumn.Beside);
  return { uris: [target.toString()] };
}

async function exportSheet(services: Services, argument: unknown, request: ExportRequest): Promise<ExportOutcome | undefined> {
  const prepared = await prepare(services, argument);
  if (!prepared) return undefined;
  const format = await choose<SheetFormat>(request.format, SHEET_FORMATS, [
    { value: 'markdown', label: 'Markdown', description: 'NAME-exercise.md and NAME-answers.md' },
    { value: 'latex', label: 'LaTeX', description: 'NAME-exercise.tex and NAME-answers.tex' },
  ], 'Write the exercise sheet and its answer key as');
  if (!format) return undefined;
  const scoped = await chooseScope(prepared, request.scope);
  if (!scoped) return undefined;
  const folder = request.target
    ? toUri(request.target)
    : (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: besideSpec(prepared.document, ''), openLabel: 'Write the sheet here' }))?.[0];
  if (!folder) return undefined;
  const extension = format === 'markdown' ? 'md' : 'tex';
  const base = baseName(prepared.document);
  const exercise = vscode.Uri.joinPath(folder, `${base}-exercise.${extension}`);
  const answers = vscode.Uri.joinPath(folder, `${base}-answers.${extension}`);
  if (!request.target && (await exists(exercise) || await exists(answers))) {
    const replace = await vscode.window.showWarningMessage(`${base}-exercise.${extension} or ${base}-answers.${extension} is already there. Replace them?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return undefined;
  }
  const texts = await sheetTexts(scoped, format);
  await vscode.workspace.fs.writeFile(exercise, new TextEncoder().encode(texts.exercise));
  await vscode.workspace.fs.writeFile(answers, new TextEncoder().encode(texts.answers));
  await vscode.window.showTextDocument(exercise, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  void services.notices.inform(`Wrote ${base}-exercise.${extension} and its answer key, ${base}-answers.${extension}.`);
  return { uris: [exercise.toString(), answers.toString()] };
}

interface Prepared extends Omit<ExportInput, 'throughStep'> {
  readonly document: vscode.TextDocument;
  /** The stepping position's step (0-based, −1 before the first) and a few words naming it. */
  readonly step: number;
}

/** The spec's analysis once it is ready, or undefined after saying why there is nothing to export. */
async function prepare(services: Services, argument: unknown): Promise<Prepared | undefined> {
  const document = await specDocument(services, argument);
  if (!document) {
    void services.notices.inform('Open a .nnet spec to export its worked solution.');
    return undefined;
  }
  const analysis = await services.analyses.ready(document, new vscode.CancellationTokenSource().token);
  const position = services.positions.get(document);
  const trace = services.analyses.trace(document, position.example);
  if (!analysis || !analysis.network || !analysis.engine || !trace) {
    const why = analysis?.skipped === 'no-examples' ? 'it has no examples to trace' : analysis?.skipped === 'too-large' ? 'its network is too large to run' : 'fix the problems in the spec first';
    void services.notices.inform(`${baseName(document)} cannot be exported yet: ${why}.`);
    return undefined;
  }
  return {
    document,
    network: analysis.network,
    result: analysis.engine,
    trace,
    source: analysis.source,
    fileName: fileName(document),
    digits: services.settings.current.significantDigits,
    step: position.step,
  };
}

/** The whole trace, or up to the stepping position: asked only when the position is inside the trace. */
async function chooseScope(prepared: Prepared, asked: string | undefined): Promise<ExportInput | undefined> {
  const { trace, step } = prepared;
  const inside = step >= 0 && step < trace.length - 1;
  const origin = prepared.source.examples[trace.example];
  const example = `example ${trace.example + 1}${origin ? ` (${exampleOriginText(origin)})` : ''}`;
  const scope: ExportScope | undefined = !inside && asked === undefined
    ? 'whole'
    : await choose<ExportScope>(asked, EXPORT_SCOPES, [
        { value: 'whole', label: 'The whole trace', description: `${trace.length} steps of ${example}` },
        { value: 'current', label: 'Up to the current step', description: inside ? `step ${step + 1} of ${trace.length}: ${trace.step(step).symbolText}` : 'nothing stepped yet: the whole trace' },
      ], 'Export how much of the trace');
  if (!scope) return undefined;
  return { ...prepared, throughStep: scope === 'current' && step >= 0 ? step : null };
}

/** The choice given by the caller when it is one of `values`, else the one picked (undefined when dismissed). */
async function choose<T extends string>(given: string | undefined, values: readonly T[], picks: readonly (vscode.QuickPickItem & { readonly value: T })[], title: string): Promise<T | undefined> {
  if (given !== undefined) return (values as readonly string[]).includes(given) ? (given as T) : undefined;
  return (await vscode.window.showQuickPick(picks, { title, placeHolder: title }))?.value;
}

async function specDocument(services: Services, argument: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = argument instanceof vscode.Uri ? argument : typeof argument === 'string' ? toUri(argument) : undefined;
  if (uri) {
    const open = services.analyses.documentFor(uri) ?? (await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined));
    return open && isSpecDocument(open) ? open : undefined;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && isSpecDocument(active)) return active;
  return vscode.window.visibleTextEditors.map((editor) => editor.document).find(isSpecDocument);
}

/** A URI string (`file:///…`, `untitled:…`) or a file path. */
function toUri(text: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(text) && !/^[a-z]:[\\/]/i.test(text) ? vscode.Uri.parse(text, true) : vscode.Uri.file(text);
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || 'spec.nnet';
}

function baseName(document: vscode.TextDocument): string {
  return fileName(document).replace(/\.nnet$/i, '') || 'spec';
}

/** `NAME.ext` beside the spec (its folder, for ext ''), or in the first workspace folder for an untitled spec. */
function besideSpec(document: vscode.TextDocument, extension: string): vscode.Uri | undefined {
  const folder = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return undefined;
  return extension === '' ? folder : vscode.Uri.joinPath(folder, `${baseName(document)}${extension}`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}
