import * as vscode from 'vscode';
import { locate } from '../../core/model/locate';
import { HOVER_TRUSTED_COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { fromVscodePosition, toVscodeRange } from '../vscodeRanges';
import { editorStateOf } from './editorStateOf';
import { hoverMarkdown } from './hoverContent';

/**
 * Hovers on every number and word of a spec (see hoverContent.ts for what each says).
 *
 * The Markdown may run exactly the commands in HOVER_TRUSTED_COMMANDS (step to, show in panel,
 * trace this example) — never `isTrusted: true` — and renders no HTML; all spec text in it is escaped.
 */
export class SpecHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = editorStateOf(this.services, document);
    const location = locate(state.analysis.source, fromVscodePosition(position));
    if (!location) return undefined;
    const markdown = hoverMarkdown(state, location, (range) => document.getText(toVscodeRange(range)));
    return new vscode.Hover(trustedMarkdown(markdown), toVscodeRange(location.range));
  }
}

/** Markdown that may run only our hover commands, with HTML and theme icons off. */
export function trustedMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value, false);
  markdown.isTrusted = { enabledCommands: [...HOVER_TRUSTED_COMMANDS] };
  markdown.supportHtml = false;
  return markdown;
}
