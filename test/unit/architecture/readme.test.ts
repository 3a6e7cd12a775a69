import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_PROBLEM_CODES } from '../../../src/core/data/problem';
import { ALL_DIAGNOSTIC_CODES } from '../../../src/core/parser/codes';
import { INTERNAL_ERROR_CODE, NUMERIC_FAILURE_CODE } from '../../../src/extension/analysis/analyse';

/** csv-… problems about the spec's words, never shown on the file (they become invalid-data-columns, or examples-too-large). */
const CODES_ON_THE_SPEC: ReadonlySet<string> = new Set([
  'csv-unknown-column',
  'csv-column-out-of-range',
  'csv-reversed-range',
  'csv-duplicate-column',
  'csv-no-columns',
  'csv-onehot-columns',
  'csv-rows-out-of-range',
  'csv-too-large',
]);

/** The README is the syntax reference a learner reads; it must name every code the tools can print. */
describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('documents every diagnostic code', () => {
    const missing = [...ALL_DIAGNOSTIC_CODES, NUMERIC_FAILURE_CODE, INTERNAL_ERROR_CODE].filter((code) => !readme.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });

  it('documents every code a problem inside a CSV file can have', () => {
    // The csv-… codes are shown on the file; the others are reported on the spec under a parser code.
    const csv = Object.keys(DATA_PROBLEM_CODES).filter((code) => code.startsWith('csv-') && !CODES_ON_THE_SPEC.has(code));
    expect(csv.filter((code) => !readme.includes(`| \`${code}\` |`))).toEqual([]);
  });

  it('names the test command that CI runs', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
    expect(readme).toContain('npm test');
  });
});
