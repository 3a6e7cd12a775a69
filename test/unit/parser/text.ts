import type { Range } from '../../../src/core/text/range';

/** Test helpers over a spec's text, splitting lines the way VS Code does. */

export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The text a single-line range covers. */
export function textAt(text: string, range: Range): string {
  const lines = linesOf(text);
  if (range.start.line !== range.end.line) {
    const parts = [lines[range.start.line].slice(range.start.character)];
    for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
    parts.push(lines[range.end.line].slice(0, range.end.character));
    return parts.join('\n');
  }
  return lines[range.start.line].slice(range.start.character, range.end.character);
}
