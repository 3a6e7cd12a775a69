import * as vscode from 'vscode';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import type { Guard } from '../guard';
import { fromVscodePosition, toVscodeRange } from '../vscodeRanges';
import { outlineOf, type OutlineKind, type OutlineNode } from './outlineTree';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  network: vscode.SymbolKind.Module,
  setting: vscode.SymbolKind.Property,
  layer: vscode.SymbolKind.Struct,
  weights: vscode.SymbolKind.Array,
  biases: vscode.SymbolKind.Array,
  example: vscode.SymbolKind.Object,
};

/**
 * The Outline view, breadcrumbs and Go to Symbol for specs, from the shared analysis. VS Code
 * asks again after every pause in typing; a request waits for the debounced analysis. A bug
 * while building the outline is logged by `guard` (guard.ts) and gives an empty outline.
 */
export function registerOutline(analyses: SpecAnalyses, guard: Guard): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    { language: NNET_LANGUAGE },
    {
      provideDocumentSymbols: guard.wrap(
        (document) => `building the outline of ${document.uri}`,
        () => [],
        (document: vscode.TextDocument, token: vscode.CancellationToken) => documentSymbols(analyses, document, token),
      ),
    },
    { label: 'Backprop Stepper' },
  );
}

async function documentSymbols(analyses: SpecAnalyses, document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
  const analysis = await analyses.ready(document, token);
  if (analysis === undefined || token.isCancellationRequested) return [];
  const text = {
    get: (range: Parameters<typeof toVscodeRange>[0]) => document.getText(toVscodeRange(range)),
    lineEnd: (line: number) => fromVscodePosition(document.lineAt(Math.min(Math.max(0, line), document.lineCount - 1)).range.end),
  };
  return outlineOf(analysis.source, analysis.network, text).map(toSymbol);
}

function toSymbol(node: OutlineNode): vscode.DocumentSymbol {
  const range = toVscodeRange(node.range);
  // VS Code requires the selection inside the range; the outline builder guarantees it, and
  // this keeps a malformed source from making the whole outline fail.
  const selection = range.contains(toVscodeRange(node.selection)) ? toVscodeRange(node.selection) : range;
  const symbol = new vscode.DocumentSymbol(node.name, node.detail, SYMBOL_KINDS[node.kind], range, selection);
  symbol.children = node.children.map(toSymbol);
  return symbol;
}
