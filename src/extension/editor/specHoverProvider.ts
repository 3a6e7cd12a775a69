import * as vscode from 'vscode';
import { locate } from '../../core/model/locate';
import type { Range } from '../../core/text/range';
import { HOVER_TRUSTED_COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { fromVscodePosition, toVscodeRange } from '../vscodeRanges';
import { dataSetHover } from './dataHover';
import { dataSetAt } from './dataSetFacts';
import { editorStateOf } from './editorStateOf';
import { hoverMarkdown } from './hoverContent';
import { freshnessNote } from './hoverFreshness';

/**
 * Hovers on every number and word of a spec (see hoverContent.ts for what each says).
 *
 * The Markdown may run exactly the commands in HOVER_TRUSTED_COMMANDS (step to, show in panel,
 * trace this example) — never `isTrusted: true` — and renders no HTML; all spec text in it is escaped.
 *
 * A larger spec's hover may read an analysis of an older version while the worker computes the
 * current one (or none yet): it then starts with one line saying so (hoverFreshness.ts).
 */
export class SpecHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = editorStateOf(this.services, document);
    const note = freshnessNote(state.analysis, document.version);
    const location = locate(state.analysis.source, fromVscodePosition(position));
    const textAt = (range: Range) => document.getText(toVscodeRange(range));
    if (!location) {
      // A `data` line whose file could not be read brought no example for `locate` to find, but
      // it still says what it is and that the file was not read.
      const set = dataSetAt(state.analysis.source, fromVscodePosition(position));
      if (set) {
        const markdown = dataSetHover(state, set, textAt);
        return new vscode.Hover(trustedMarkdown(note ? `${note}\n\n${markdown}` : markdown), toVscodeRange(set.line));
      }
      // Before the first analysis nothing can be located; the note alone says why.
      const word = note ? document.getWordRangeAtPosition(position) : undefined;
      return note && word ? new vscode.Hover(trustedMarkdown(note), word) : undefined;
    }
    const markdown = hoverMarkdown(state, location, textAt);
    return new vscode.Hover(trustedMarkdown(note ? `${note}\n\n${markdown}` : markdown), toVscodeRange(location.range));
  }
}

/** Markdown that may run only our hover commands, with HTML and theme icons off. */
export function trustedMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value, false);
  markdown.isTrusted = { enabledCommands: [...HOVER_TRUSTED_COMMANDS] };
  markdown.supportHtml = false;
  return markdown;
}
