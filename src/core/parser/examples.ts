import { Place, type OpenBlock, type ReadContext } from './context';
import type { DraftExample, NumberBlock } from './draft';
import { TokenKind } from './scanner';
import { thousands } from '../notation/count';
import { quoted } from './notation';
import { exampleRange } from './ranges';

/**
 * Reader for `example x … y …`. The inputs follow `x`, the targets follow `y`; either may
 * continue on the lines below, and a following line may also start with `x` or `y`.
 */

const NO_ROWS: number[] = [];

type ExampleBlock = Extract<OpenBlock, { kind: 'example' }>;

export function readExample(ctx: ReadContext, keywordStart: number): void {
  const s = ctx.scanner;
  if (ctx.examplesOverLimit) {
    s.skipRest();
    ctx.open = { kind: 'discard' };
    return;
  }
  const start = keywordStart - s.lineStart;
  const end = s.tokenEnd - s.lineStart;
  const example: DraftExample = { line: s.line, keywordStart: start, keywordEnd: end, endLine: s.line, endCharacter: end, x: null, y: null, damaged: false };
  ctx.draft.examples.push(example);
  const open: ExampleBlock = { kind: 'example', example, number: ctx.draft.examples.length + ctx.draft.generatedCount, part: null };
  ctx.open = open;
  continueExample(ctx, open);
}

/** Reads the rest of the current line into the open example. */
export function continueExample(ctx: ReadContext, open: ExampleBlock): void {
  const s = ctx.scanner;
  const example = open.example;
  const before = numbersIn(example);
  for (;;) {
    const kind = s.peek();
    if (kind === TokenKind.End) break;
    s.readRun();
    const word = kind === TokenKind.Word ? s.tokenText() : null;
    if (word === 'x' || word === 'y') {
      const earlier = example[word];
      if (earlier !== null) {
        const what = word === 'x' ? 'inputs' : 'targets';
        ctx.reporter.report(
          'unexpected-text',
          ctx.tokenRange(),
          `example ${open.number} already has its ${what} after \`${word}\` on line ${earlier.keywordLine + 1}; an example has one \`x\` and one \`y\`, so remove this one or start a new \`example\` line`,
        );
        example.damaged = true;
        s.skipRest();
        break;
      }
      example[word] = newBlock(ctx);
      open.part = word;
      continue;
    }
    if (open.part === null) {
      if (kind !== TokenKind.Number) {
        ctx.reporter.report(
          'missing-keyword',
          ctx.tokenRange(),
          `expected \`x\` and the inputs after \`example\`, as in \`example x 0.05 0.10 y 0.01 0.99\`; found ${quoted(word ?? s.tokenText())}`,
        );
        example.damaged = true;
        s.skipRest();
        break;
      }
      // Numbers with no `x` before them: say so once, then read them as the inputs.
      ctx.reporter.report(
        'missing-keyword',
        ctx.tokenRange(),
        `expected \`x\` before the inputs of example ${open.number}; found ${quoted(s.tokenText())}. Write \`example x 0.05 0.10 y 0.01 0.99\``,
      );
      example.x = newBlock(ctx);
      open.part = 'x';
    }
    s.pos = s.tokenStart;
    const block = example[open.part] as NumberBlock;
    ctx.readNumbers(block, open.part === 'x' ? Place.Inputs : Place.Targets, open.number);
    if (block.damaged) {
      example.damaged = true;
      break;
    }
  }
  example.endLine = s.line;
  example.endCharacter = s.tokenEnd - s.lineStart;
  ctx.exampleNumbers += numbersIn(example) - before;
  if (ctx.exampleNumbers > ctx.maxExampleNumbers) stopAtLimit(ctx, open);
}

function numbersIn(example: DraftExample): number {
  return (example.x?.count ?? 0) + (example.y?.count ?? 0);
}

/** The examples have passed the limit: say so once, on this example, and read no more of them. */
function stopAtLimit(ctx: ReadContext, open: ExampleBlock): void {
  ctx.examplesOverLimit = true;
  ctx.open = { kind: 'discard' };
  ctx.reporter.report(
    'examples-too-large',
    exampleRange(open.example),
    `expected at most ${thousands(ctx.maxExampleNumbers)} numbers in all examples together (inputs and targets); example ${open.number} brings them to ${thousands(ctx.exampleNumbers)}. Use fewer examples`,
  );
}

function newBlock(ctx: ReadContext): NumberBlock {
  const s = ctx.scanner;
  return {
    keywordLine: s.line,
    keywordStart: s.tokenStart - s.lineStart,
    keywordEnd: s.tokenEnd - s.lineStart,
    start: ctx.store.count,
    count: 0,
    rowStarts: NO_ROWS,
    damaged: false,
  };
}
