import type { Range } from '../text/range';
import type { DraftExample, NumberBlock } from './draft';
import type { NumberStore } from './numbers';

/** Ranges over stretches of stored numbers, for messages about whole blocks, rows and examples. */

/** From the first to the last of the numbers [from, to) of the store; to > from. */
export function numbersRange(store: NumberStore, from: number, to: number): Range {
  return {
    start: { line: store.line(from), character: store.startColumn(from) },
    end: { line: store.line(to - 1), character: store.endColumn(to - 1) },
  };
}

export function keywordRange(block: NumberBlock): Range {
  return { start: { line: block.keywordLine, character: block.keywordStart }, end: { line: block.keywordLine, character: block.keywordEnd } };
}

/** From a block's keyword to its last number (or just the keyword when it has none). */
export function blockRange(store: NumberStore, block: NumberBlock): Range {
  if (block.count === 0) return keywordRange(block);
  const last = block.start + block.count - 1;
  return { start: { line: block.keywordLine, character: block.keywordStart }, end: { line: store.line(last), character: store.endColumn(last) } };
}

/** A block's numbers, or its keyword when it has none. */
export function blockNumbersRange(store: NumberStore, block: NumberBlock): Range {
  return block.count === 0 ? keywordRange(block) : numbersRange(store, block.start, block.start + block.count);
}

/** The `example` keyword. */
export function exampleKeywordRange(example: DraftExample): Range {
  return { start: { line: example.line, character: example.keywordStart }, end: { line: example.line, character: example.keywordEnd } };
}

/** From `example` to the end of its last token. */
export function exampleRange(example: DraftExample): Range {
  return { start: { line: example.line, character: example.keywordStart }, end: { line: example.endLine, character: example.endCharacter } };
}
