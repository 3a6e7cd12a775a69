import { describe, expect, it } from 'vitest';
import { DATA_PROBLEM_CODES, DataProblemList, type DataProblem } from '../../../src/core/data/problem';

const cell = (line: number, character: number): DataProblem => ({
  code: 'csv-not-a-number',
  range: { start: { line, character }, end: { line, character: character + 1 } },
  message: `${line}:${character}`,
});
const word = (index: number): DataProblem => ({ code: 'csv-unknown-column', range: null, selection: { part: 'x', index }, message: `x ${index}` });

describe('DataProblemList', () => {
  it('lists problems about the spec words first, in the order found, then the file in text order', () => {
    const list = new DataProblemList();
    for (const problem of [cell(3, 0), word(1), cell(1, 5), cell(1, 2), word(0)]) list.add(problem);
    expect(list.finish('f.csv').map((p) => p.message)).toEqual(['x 1', 'x 0', '1:2', '1:5', '3:0']);
  });

  it('keeps the first cap problems in order, whatever order they come in, and counts the rest from the first one dropped', () => {
    const list = new DataProblemList(10);
    for (let line = 500; line >= 1; line--) list.add(cell(line, 0));
    expect(list.count).toBe(500);
    const listed = list.finish('data/f.csv');
    expect(listed.slice(0, 10).map((p) => p.range!.start.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(listed[10]).toEqual({
      code: 'csv-more-problems',
      range: cell(11, 0).range,
      message: '… and 490 more problems in data/f.csv; only the first 10 are listed. Fix those and the rest will show',
    });
  });

  it('says "1 more problem" for one, and adds nothing under the cap', () => {
    const list = new DataProblemList(2);
    for (const problem of [cell(1, 0), cell(2, 0)]) list.add(problem);
    expect(list.finish('f.csv')).toHaveLength(2);
    list.add(cell(0, 0));
    expect(list.finish('f.csv').map((p) => p.message)).toEqual(['0:0', '1:0', '… and 1 more problem in f.csv; only the first 2 are listed. Fix those and the rest will show']);
  });

  it('has stable kebab-case codes, each with its meaning', () => {
    for (const [code, meaning] of Object.entries(DATA_PROBLEM_CODES)) {
      expect(code).toMatch(/^(csv|data)-[a-z]+(-[a-z]+)*$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});
