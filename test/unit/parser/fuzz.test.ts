import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/diagnostics';
import { mulberry32 } from '../../../src/core/model/initialise';
import type { SpecSource } from '../../../src/core/model/source';
import { DIAGNOSTIC_CODES } from '../../../src/core/parser/codes';
import { parseSpec } from '../../../src/core/parser/parse';
import { spanAt, spanCount, type Range } from '../../../src/core/text/range';
import { linesOf } from './text';

/**
 * Thousands of random edits of valid and invalid specs. For each: parseSpec does not throw,
 * every range lies inside the document, and `network` is null exactly when there is an error.
 * The PRNG is seeded, so a failure names the case number and its input to reproduce it.
 */
const SEED = 20261122;
const CASES = 4000;

const corpus = [
  ...readdirSync(join(__dirname, '../../../examples')).map((f) => join(__dirname, '../../../examples', f)),
  ...readdirSync(join(__dirname, '../../fixtures/diagnostics')).map((f) => join(__dirname, '../../fixtures/diagnostics', f)),
]
  .filter((f) => f.endsWith('.nnet'))
  .map((f) => readFileSync(f, 'utf8'));

const ODD_TEXT = [
  '1e400', '-1e400', '99999999999999999999999', 'NaN', '-Infinity', '−', '0.1.2', '.', '-', '1e', '#', '"', '\\', ':', '\t',
  '\r', '\n', '\r\n', '\u2028', '\ufeff', '\u00a0', '\ud800', '\udc00', '😀', 'η', 'σ′', 'layer', 'w', 'b', 'x', 'y', 'example',
  'cost', 'seed', 'network', 'softmax', 'relu', 'inputs', '0', '1000000000', '2.5e-3', '  ', 'layer 1: 3 sigmoid',
  'steps', 'batch-size', 'shuffle',
];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const lines = text.split('\n');
  const at = () => Math.floor(next() * (lines.length + 1));
  switch (Math.floor(next() * 9)) {
    case 0: // delete a line
      lines.splice(at(), 1);
      return lines.join('\n');
    case 1: // duplicate a line
      {
        const i = Math.min(at(), lines.length - 1);
        lines.splice(i, 0, lines[i] ?? '');
      }
      return lines.join('\n');
    case 2: // swap two lines
      {
        const i = Math.min(at(), lines.length - 1);
        const j = Math.min(at(), lines.length - 1);
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    case 3: {
      // delete a stretch of characters
      const i = Math.floor(next() * (text.length + 1));
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(next() * 3));
    }
    case 4: {
      // insert odd text
      const i = Math.floor(next() * (text.length + 1));
      return text.slice(0, i) + pick(ODD_TEXT) + text.slice(i);
    }
    case 5: {
      // insert a random code unit, anywhere in the 16-bit range
      const i = Math.floor(next() * (text.length + 1));
      return text.slice(0, i) + String.fromCharCode(Math.floor(next() * 0x10000)) + text.slice(i);
    }
    case 6: {
      // swap two neighbouring characters
      const i = Math.floor(next() * Math.max(1, text.length - 1));
      return text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2);
    }
    case 7: // replace a number with a huge or odd one
      return text.replace(/\d+(\.\d+)?/, pick(['1e400', '123456789012345678901234567890', '-0', '5.', '.5', '1e-400', '4294967296']));
    default: // truncate
      return text.slice(0, Math.floor(next() * (text.length + 1)));
  }
}

function checkRange(range: Range, lineLengths: readonly number[], what: string): void {
  for (const p of [range.start, range.end]) {
    if (!(Number.isInteger(p.line) && p.line >= 0 && p.line < lineLengths.length)) throw new Error(`${what}: line ${p.line} outside the document`);
    if (!(Number.isInteger(p.character) && p.character >= 0 && p.character <= lineLengths[p.line]))
      throw new Error(`${what}: character ${p.character} outside line ${p.line} (length ${lineLengths[p.line]})`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ordered) throw new Error(`${what}: range ends before it starts`);
}

function checkSource(source: SpecSource, lineLengths: readonly number[]): void {
  const ranges: [Range | null | undefined, string][] = [
    [source.network, 'network'],
    [source.cost?.line, 'cost'],
    [source.cost?.value, 'cost value'],
    [source.learningRate?.line, 'learning-rate'],
    [source.seed?.value, 'seed value'],
    [source.steps?.line, 'steps'],
    [source.batchSize?.value, 'batch-size value'],
    [source.shuffle?.value, 'shuffle value'],
  ];
  source.layers.forEach((layer, l) => {
    ranges.push([layer.header, `layer ${l} header`], [layer.activation, `layer ${l} activation`]);
    ranges.push([layer.weightsBlock, `layer ${l} w`], [layer.biasesBlock, `layer ${l} b`]);
    for (const spans of [layer.weights, layer.biases]) if (spans) for (let i = 0; i < spanCount(spans); i++) ranges.push([spanAt(spans, i), `layer ${l} number ${i}`]);
  });
  source.examples.forEach((example, e) => {
    ranges.push([example.line, `example ${e + 1}`]);
    for (const spans of [example.x, example.y]) for (let i = 0; i < spanCount(spans); i++) ranges.push([spanAt(spans, i), `example ${e + 1} number ${i}`]);
  });
  for (const [range, what] of ranges) if (range) checkRange(range, lineLengths, `source ${what}`);
}

function checkOne(text: string): boolean {
  const result = parseSpec(text);
  const lineLengths = linesOf(text).map((line) => line.length);
  for (const d of result.diagnostics) {
    checkRange(d.range, lineLengths, `diagnostic ${d.code}`);
    const info = DIAGNOSTIC_CODES[d.code as keyof typeof DIAGNOSTIC_CODES];
    if (!info || info.severity !== d.severity) throw new Error(`diagnostic ${d.code} is not in the registry with severity ${d.severity}`);
    if (d.message.length === 0) throw new Error(`diagnostic ${d.code} has no message`);
  }
  if ((result.network === null) !== hasErrors(result.diagnostics)) throw new Error('network is null exactly when there is an error: violated');
  checkSource(result.source, lineLengths);
  const network = result.network;
  if (network === null) return false;
  for (let l = 1; l < network.layers.length; l++) {
    const layer = network.layers[l];
    if (layer.weights.length !== network.layers[l - 1].size * layer.size || layer.biases.length !== layer.size) throw new Error(`layer ${l} has the wrong shape`);
    if (![...layer.weights, ...layer.biases].every(Number.isFinite)) throw new Error(`layer ${l} holds a non-finite number`);
  }
  for (const example of network.examples) {
    if (example.x.length !== network.layers[0].size || example.y.length !== network.layers[network.layers.length - 1].size) throw new Error('an example has the wrong length');
    if (![...example.x, ...example.y].every(Number.isFinite)) throw new Error('an example holds a non-finite number');
  }
  return true;
}

describe('fuzz', () => {
  it(`keeps its guarantees over ${CASES} random edits (seed ${SEED})`, () => {
    const next = mulberry32(SEED);
    let valid = 0;
    for (let c = 0; c < CASES; c++) {
      let text = corpus[Math.floor(next() * corpus.length)];
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) text = mutate(text, next);
      try {
        if (checkOne(text)) valid++;
      } catch (error) {
        throw new Error(`case ${c} (seed ${SEED}): ${(error as Error).stack}\ninput: ${JSON.stringify(text)}`);
      }
    }
    // The edits must leave some specs valid, or the valid-network invariants above go untested.
    expect(valid).toBeGreaterThan(CASES / 20);
  });

  it('keeps its guarantees on random bytes', () => {
    const next = mulberry32(SEED + 1);
    for (let c = 0; c < 500; c++) {
      const length = Math.floor(next() * 200);
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(next() < 0.7 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 0x10000));
      try {
        checkOne(text);
      } catch (error) {
        throw new Error(`random case ${c} (seed ${SEED + 1}): ${(error as Error).message}\ninput: ${JSON.stringify(text)}`);
      }
    }
  });
});
