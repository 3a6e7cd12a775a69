import type { Range } from '../../../src/core/text/range';

/** Helpers for the data tests: positions in a CSV text as an editor shows them (a BOM hidden). */

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text's lines, split at CRLF, LF and lone CR. */
export function lines(text: string): string[] {
  return withoutBom(text).split(/\r\n|\r|\n/);
}

/** Offset (in the text without its BOM) of each line's first character. */
export function lineStarts(text: string): number[] {
  const body = withoutBom(text);
  const starts = [0];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n' || (c === '\r' && body[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

/** The text a range covers, or null when the range is not inside the text. */
export function textAt(text: string, range: Range): string | null {
  const all = lines(text);
  const starts = lineStarts(text);
  const inside = (line: number, character: number): boolean => line >= 0 && line < all.length && character >= 0 && character <= all[line].length;
  if (!inside(range.start.line, range.start.character) || !inside(range.end.line, range.end.character)) return null;
  const start = starts[range.start.line] + range.start.character;
  const end = starts[range.end.line] + range.end.character;
  return end >= start ? withoutBom(text).slice(start, end) : null;
}

/** A range as [line, start character, end line, end character], for short expectations. */
export function at(range: Range | null): [number, number, number, number] | null {
  return range === null ? null : [range.start.line, range.start.character, range.end.line, range.end.character];
}
