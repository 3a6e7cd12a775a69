import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_DIAGNOSTIC_CODES } from '../../../src/core/parser/codes';
import { INTERNAL_ERROR_CODE, NUMERIC_FAILURE_CODE } from '../../../src/extension/analysis/analyse';

/** The README is the syntax reference a learner reads; it must name every code the tools can print. */
describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('documents every diagnostic code', () => {
    const missing = [...ALL_DIAGNOSTIC_CODES, NUMERIC_FAILURE_CODE, INTERNAL_ERROR_CODE].filter((code) => !readme.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });

  it('names the test command that CI runs', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
    expect(readme).toContain('npm test');
  });
});
