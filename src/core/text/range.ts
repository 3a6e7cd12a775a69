/**
 * Positions in a spec's text. Lines and columns are 0-based, as in VS Code and the
 * Language Server Protocol; a column counts UTF-16 code units. Only user-facing output
 * (the CLI, messages) adds 1 to them.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open stretch of text: `start` is included, `end` is not. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function range(line: number, startCharacter: number, endCharacter: number): Range {
  return { start: { line, character: startCharacter }, end: { line, character: endCharacter } };
}

export function containsPosition(outer: Range, position: Position): boolean {
  const afterStart =
    position.line > outer.start.line || (position.line === outer.start.line && position.character >= outer.start.character);
  const beforeEnd =
    position.line < outer.end.line || (position.line === outer.end.line && position.character <= outer.end.character);
  return afterStart && beforeEnd;
}

/**
 * The ranges of many single-line tokens packed three integers apiece (line, start, end), so
 * a spec with a million weights keeps a million ranges without a million objects.
 */
export type PackedSpans = Int32Array;

export function spanAt(spans: PackedSpans, index: number): Range {
  const base = 3 * index;
  return range(spans[base], spans[base + 1], spans[base + 2]);
}

export function spanCount(spans: PackedSpans): number {
  return spans.length / 3;
}
