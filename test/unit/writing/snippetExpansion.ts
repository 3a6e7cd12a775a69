import type { SpecCompletion } from '../../../src/core/completion/specCompletions';
import { applyEdits, type TextEdit } from '../../../src/core/edit/gradientStep';
import type { Fix } from '../../../src/core/diagnostics';

/**
 * What VS Code does with a completion, written out for the tests: a snippet body expanded with
 * every placeholder left at its default (the first entry of a choice), each line after the first
 * given the indentation of the line it goes into, and the extra edit that takes away the
 * indentation before a keyword applied with it. Written from the snippet grammar, not from
 * src/core/completion, so it checks the bodies rather than repeating them.
 */
export function expandSnippet(body: string, indent = ''): string {
  let out = '';
  let i = 0;
  const readUntil = (stops: string): string => {
    let text = '';
    while (i < body.length && !stops.includes(body[i])) {
      if (body[i] === '\\' && i + 1 < body.length) i++;
      text += body[i++];
    }
    return text;
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      out += body[i + 1];
      i += 2;
    } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
      i++;
      while (/\d/.test(body[i] ?? '')) i++;
    } else if (c === '$' && body[i + 1] === '{') {
      i += 2;
      while (/\d/.test(body[i])) i++;
      if (body[i] === ':') {
        i++;
        out += readUntil('}');
      } else if (body[i] === '|') {
        i++;
        out += readUntil(',|');
        readUntil('|');
        i++;
      }
      if (body[i] !== '}') throw new Error(`malformed snippet at ${i}: ${body}`);
      i++;
    } else {
      if (c === '}') throw new Error(`an unescaped } at ${i}: ${body}`);
      out += c;
      i++;
    }
  }
  return out.split('\n').join(`\n${indent}`);
}

/** The line `line` of `text`. */
function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line] ?? '';
}

/** `text` after accepting `item` as VS Code would, its placeholders at their defaults. */
export function accept(text: string, item: SpecCompletion): string {
  const edits: TextEdit[] = [];
  let indent = /^\s*/.exec(lineOf(text, item.range.start.line))![0];
  if (item.removeIndent) {
    edits.push({ range: item.removeIndent, newText: '' });
    indent = '';
  }
  edits.push({ range: item.range, newText: item.snippet ? expandSnippet(item.insertText, indent) : item.insertText });
  return applyEdits(text, edits);
}

/** `text` with a quick fix applied. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, [fix]);
}
