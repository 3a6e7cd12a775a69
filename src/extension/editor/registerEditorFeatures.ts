import * as vscode from 'vscode';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import type { Services } from '../services';
import { SpecCodeLensProvider } from './specCodeLensProvider';
import { SpecCompletionProvider } from './specCompletionProvider';
import { SpecHoverProvider } from './specHoverProvider';
import { SpecInlayHintsProvider } from './specInlayHintsProvider';

/**
 * The editor features that answer "what is this number, and what is its gradient?" where it
 * stands: hovers, code lenses and inlay hints on `.nnet` specs. All three read the shared
 * analysis and stepping position from `services`; called once from activate() in main.ts.
 *
 * Each method VS Code calls runs behind `services.guard` (guard.ts): a bug is logged with its
 * stack and that one request gets an empty answer — no hover, no lenses or hints, a blank lens
 * or an unresolved hint — rather than vanishing silently.
 */
export function registerEditorFeatures(services: Services): vscode.Disposable {
  const { guard } = services;
  const selector: vscode.DocumentSelector = { language: NNET_LANGUAGE };
  const hover = new SpecHoverProvider(services);
  const lenses = new SpecCodeLensProvider(services);
  const hints = new SpecInlayHintsProvider(services);
  const completions = new SpecCompletionProvider(services.settings);
  const none = () => undefined;
  const empty = () => [];
  type Lens = Parameters<typeof lenses.resolveCodeLens>[0];
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, {
      provideHover: guard.wrap(
        (document, position) => `providing the hover at ${position.line + 1}:${position.character + 1} of ${document.uri}`,
        none,
        (document: vscode.TextDocument, position: vscode.Position) => hover.provideHover(document, position),
      ),
    }),
    vscode.languages.registerCodeLensProvider(selector, {
      onDidChangeCodeLenses: lenses.onDidChangeCodeLenses,
      provideCodeLenses: guard.wrap(
        (document) => `providing the code lenses of ${document.uri}`,
        empty,
        (document: vscode.TextDocument, token: vscode.CancellationToken) => lenses.provideCodeLenses(document, token),
      ),
      // Left unresolved, VS Code would show the lens as "!!MISSING: command!!"; a blank one shows nothing.
      resolveCodeLens: guard.wrap(
        (lens) => `resolving the code lens on line ${lens.range.start.line + 1}`,
        (lens) => Object.assign(lens, { command: { title: '', command: '' } }),
        (lens: Lens) => lenses.resolveCodeLens(lens),
      ),
    }),
    vscode.languages.registerInlayHintsProvider(selector, {
      onDidChangeInlayHints: hints.onDidChangeInlayHints,
      provideInlayHints: guard.wrap(
        (document) => `providing the inlay hints of ${document.uri}`,
        empty,
        (document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken) => hints.provideInlayHints(document, range, token),
      ),
      // Undefined keeps the hint as it was, without its tooltip.
      resolveInlayHint: guard.wrap('resolving an inlay hint', none, (hint: vscode.InlayHint): vscode.InlayHint | undefined => hints.resolveInlayHint(hint)),
    }),
    // Keywords, names and snippets while a spec is written (specCompletionProvider.ts).
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        provideCompletionItems: guard.wrap(
          (document, position) => `providing completions at ${position.line + 1}:${position.character + 1} of ${document.uri}`,
          empty,
          (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken, context: vscode.CompletionContext) =>
            completions.provideCompletionItems(document, position, token, context),
        ),
      },
      ...SpecCompletionProvider.triggerCharacters,
    ),
    lenses,
    hints,
  );
}
