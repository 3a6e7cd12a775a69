import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/diagnostics';
import { MAX_DIAGNOSTICS } from '../../../src/core/model/limits';
import { parseSpec } from '../../../src/core/parser/parse';
import { Reporter } from '../../../src/core/parser/reporter';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });

describe('the diagnostics cap', () => {
  it('keeps the first problems in text order, whatever order they were found in, and counts the rest', () => {
    const reporter = new Reporter(3);
    for (const line of [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]) reporter.report('unknown-keyword', at(line), `line ${line}`);
    const list = reporter.sorted();
    expect(list.map((d) => d.message.slice(0, 6))).toEqual(['line 0', 'line 1', 'line 2', '… and ']);
    expect(list[3]).toMatchObject({ code: 'more-problems', severity: 'error', range: at(3) });
    expect(list[3].message).toContain('7 more problems');
    expect(reporter.errors).toBe(10);
  });

  it('summarises dropped warnings as a warning, so a spec without errors can still run', () => {
    const reporter = new Reporter(1);
    reporter.report('unknown-keyword', at(0), 'an error first');
    for (let line = 1; line < 5; line++) reporter.report('target-unreachable', at(line), 'a warning');
    const last = reporter.sorted().at(-1)!;
    expect(last).toMatchObject({ code: 'more-problems', severity: 'warning', range: at(1) });
  });

  it('counts errors past the cap, so the spec still does not run', () => {
    const reporter = new Reporter(2);
    reporter.report('target-unreachable', at(0), 'a warning');
    reporter.report('target-unreachable', at(1), 'a warning');
    reporter.report('unknown-keyword', at(2), 'an error');
    const list = reporter.sorted();
    expect(list.filter((d) => d.code !== 'more-problems').every((d) => d.severity === 'warning')).toBe(true);
    expect(hasErrors(list)).toBe(true);
    expect(list.at(-1)!.message).toContain('1 more problem from here on');
  });

  it('says how many of the rest are errors when they are mixed', () => {
    const reporter = new Reporter(1);
    reporter.report('unknown-keyword', at(0), 'kept');
    reporter.report('unknown-keyword', at(1), 'an error');
    reporter.report('target-unreachable', at(2), 'a warning');
    reporter.report('target-unreachable', at(3), 'a warning');
    expect(reporter.sorted().at(-1)!.message).toContain('3 more problems from here on (1 of them an error)');
  });

  it(`a file of 200,000 typos gives ${MAX_DIAGNOSTICS} problems and one summary`, () => {
    const text = 'layer 0: 1 inputs\nlayer 1: 1 sigmoid\n' + 'tpyo 1\n'.repeat(200_000);
    const result = parseSpec(text);
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(result.diagnostics.at(-1)!.message).toMatch(/^… and 199,\d{3} more problems from here on/);
    expect(result.network).toBeNull();
    const lines = result.diagnostics.slice(0, -1).map((d) => d.range.start.line);
    expect(lines).toEqual([...lines].sort((p, q) => p - q));
  });
});
