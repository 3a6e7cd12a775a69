/**
 * Apply Gradient Step writes each new number rounded to `applyDigits` significant digits
 * (src/core/edit/gradientStep.ts). Property tests, over seeded random values and random specs:
 * whatever is written reads back — through the project's own parser — as exactly the rounded
 * double, and at 17 digits as exactly the engine's double; and it reads like a worked example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, EXACT_DIGITS, formatAppliedParameter, gradientStepEdits, roundToDigits } from '../../../src/core/edit/gradientStep';
import { runEngine } from '../../../src/core/engine/run';
import { mulberry32 } from '../../../src/core/model/initialise';
import type { Network } from '../../../src/core/model/network';
import { readNumber } from '../../../src/core/parser/number';
import { parseSpec, type ParseOptions } from '../../../src/core/parser/parse';
import { nodeDataFiles } from '../../../src/node/dataFiles';
import { mazurText } from './realAnalysis';

const SEED = 20260811;

/** A double of any sign and of magnitudes from 10⁻⁹ to 10⁹, with all 53 bits of significand. */
function randomValue(next: () => number): number {
  const magnitude = 10 ** (next() * 18 - 9);
  const value = magnitude * (1 + next() + next() * 2 ** -26);
  return next() < 0.5 ? -value : value;
}

/** The test's own oracle for rounding, independent of the code under test. */
function rounded(value: number, digits: number): number {
  return digits >= EXACT_DIGITS || value === 0 ? value : Number(value.toPrecision(digits));
}

function reads(text: string): number {
  return readNumber(text, 0, text.length);
}

/** Significant digits written: the sign, the point, leading zeros and an integer's trailing zeros do not count. */
function significantDigits(text: string): number {
  const unsigned = text.replace(/^-/, '');
  const digits = unsigned.includes('.') ? unsigned.replace('.', '') : unsigned.replace(/0+$/, '');
  return digits.replace(/^0+/, '').length;
}

function stepped(text: string, digits?: number, options: ParseOptions = {}): { network: Network; updated: ReturnType<typeof runEngine>['updated']; after: Network; written: string } {
  const parsed = parseSpec(text, options);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const network = parsed.network!;
  const updated = runEngine(network).updated;
  const written = applyEdits(text, gradientStepEdits(text, network, parsed.source, updated, digits === undefined ? {} : { digits }));
  const reparsed = parseSpec(written, options);
  expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { network, updated, after: reparsed.network!, written };
}

describe('Apply Gradient Step digits', () => {
  it('writes w⁽²⁾₁₁ of mazur.nnet as 0.358916 at 6 digits and as 0.35891647971788465 at 17', () => {
    const layer2 = (digits: number) => stepped(mazurText(), digits).written.split('layer 2: 2 sigmoid\n')[1].split('\n').slice(0, 3);
    expect(layer2(6)).toEqual(['  w 0.358916 0.511301', '    0.408666 0.56137', '  b 0.530751 0.619049']);
    expect(layer2(17)[0]).toBe('  w 0.35891647971788465 0.5113012702387375');
    expect(stepped(mazurText()).written).toContain('  w 0.35891647971788465 '); // the core alone rounds nothing
  });

  it('every written number reads back as the value rounded to the digits, and at 17 as the value itself', () => {
    const next = mulberry32(SEED);
    for (let n = 0; n < 5_000; n++) {
      const value = randomValue(next);
      const digits = 1 + Math.floor(next() * EXACT_DIGITS);
      const text = formatAppliedParameter(value, digits);
      const context = `case ${n}: ${value} at ${digits} digits wrote ${text}`;
      expect(reads(text), context).toBe(roundToDigits(value, digits));
      expect(roundToDigits(value, digits), context).toBe(rounded(value, digits));
      expect(reads(formatAppliedParameter(value, EXACT_DIGITS)), context).toBe(value);
      // Readable: an ASCII minus, no trailing zeros, no more digits than asked, and for ordinary
      // magnitudes no exponent (beyond them a plain form longer than 24 characters keeps it).
      const plain = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
      expect(text, context).toMatch(Math.abs(value) >= 1e-4 && Math.abs(value) < 1e6 ? plain : /^-?(0|[1-9]\d*)(\.\d*[1-9])?(e[+-]\d+)?$/);
      if (plain.test(text)) expect(significantDigits(text), context).toBeLessThanOrEqual(digits);
      else expect(text.split('e')[0].replace(/[-.]/g, '').length, context).toBeLessThanOrEqual(digits);
    }
  });

  it('applied to random specs, the spec reads back as the update rounded to the digits (exactly at 17)', () => {
    const next = mulberry32(SEED + 1);
    const template = mazurText();
    for (let n = 0; n < 150; n++) {
      // The worked example with every weight, bias and the learning rate drawn at random.
      let text = template.replace(/^(\s*(?:w|b)\s.*|\s+[\d.]+ [\d.]+)$/gm, (line) => line.replace(/\d+\.\d+/g, () => String(randomValue(next))));
      text = text.replace(/^learning-rate .*$/m, `learning-rate ${(0.01 + next() * 2).toPrecision(3)}`);
      const digits = n % 2 === 0 ? EXACT_DIGITS : 1 + Math.floor(next() * 16);
      const { network, updated, after, written } = stepped(text, digits);
      expect(after.layers.map((l) => l.size)).toEqual(network.layers.map((l) => l.size));
      for (let l = 1; l < after.layers.length; l++) {
        const round = (values: ArrayLike<number>) => Array.from(values, (v) => rounded(v, digits));
        expect(Array.from(after.layers[l].weights), `case ${n} at ${digits} digits:\n${written}`).toEqual(round(updated.w[l]));
        expect(Array.from(after.layers[l].biases), `case ${n}`).toEqual(round(updated.b[l]));
        if (digits === EXACT_DIGITS) expect(Array.from(after.layers[l].weights)).toEqual(Array.from(updated.w[l]));
      }
    }
  });

  it('every example spec, including layers left to the seed, reads back as its rounded update', () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.nnet'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      for (const digits of [1, 3, 6, 12, 17]) {
        // An example's data files are read beside it, as the editor reads them.
        const { updated, after } = stepped(readFileSync(`examples/${file}`, 'utf8'), digits, { files: nodeDataFiles({ specPath: resolve('examples', file) }) });
        for (let l = 1; l < after.layers.length; l++) {
          expect(Array.from(after.layers[l].weights), `${file} at ${digits}`).toEqual(Array.from(updated.w[l], (v) => rounded(v, digits)));
          expect(Array.from(after.layers[l].biases), `${file} at ${digits}`).toEqual(Array.from(updated.b[l], (v) => rounded(v, digits)));
        }
      }
    }
  });

  it('handles the edges: zero, huge and tiny doubles, and out-of-range digits', () => {
    expect(formatAppliedParameter(-0, 6)).toBe('0');
    expect(formatAppliedParameter(1.7976931348623157e308, 1)).toBe(formatAppliedParameter(1.7976931348623157e308, 17)); // 2e308 would overflow
    expect(reads(formatAppliedParameter(5e-324, 3))).toBe(5e-324);
    expect(formatAppliedParameter(0.000000123456789, 3)).toBe('0.000000123');
    expect(formatAppliedParameter(-1234567.891, 4)).toBe('-1235000');
    expect(formatAppliedParameter(0.35891647971788465, 0)).toBe('0.4'); // brought up to 1 digit
    expect(formatAppliedParameter(0.35891647971788465, 99)).toBe('0.35891647971788465');
    expect(formatAppliedParameter(0.35891647971788465)).toBe('0.35891647971788465'); // the core's default is exact
  });
});
