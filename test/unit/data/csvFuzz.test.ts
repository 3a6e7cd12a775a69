import { describe, expect, it } from 'vitest';
import { readCsvExamples } from '../../../src/core/data/columns';
import { readCsv } from '../../../src/core/data/csv';
import { columnRef } from '../../../src/core/data/selection';
import { mulberry32 } from '../../../src/core/model/initialise';
import type { Range } from '../../../src/core/text/range';
import { textAt } from './csvText';

/** Property tests on random text: readCsv never throws and every range it gives is inside the text. */

const ALPHABET = ['a', ',', '1', '"', '\n', '\r', ' '];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 60);
  let text = next() < 0.05 ? '\uFEFF' : '';
  for (let k = 0; k < length; k++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

describe('readCsv on random text', () => {
  it('never throws, and keeps every range inside the text and in order', () => {
    const next = mulberry32(20240614);
    for (let run = 0; run < 5000; run++) {
      const text = randomText(next);
      const name = JSON.stringify(text);
      const table = readCsv(text);
      expect(table.problems.length, name).toBeLessThanOrEqual(1);
      for (const problem of table.problems) expect(textAt(text, problem.range!), name).toBe('"');
      const rows = table.header.length > 0 ? [{ cells: table.header, line: table.header[0].range.start.line }, ...table.rows] : table.rows;
      let previousEnd = { line: 0, character: 0 };
      for (const row of rows) {
        const cells = row.cells;
        expect(cells.length, name).toBeGreaterThan(0);
        expect(cells[0].range.start.line, name).toBe(row.line);
        for (const cell of cells) {
          const written = textAt(text, cell.range);
          expect(written, name).not.toBeNull();
          expect(before(previousEnd, cell.range.start), name).toBe(true);
          previousEnd = cell.range.end;
          if (!cell.quoted) expect(written, name).toBe(cell.text);
          else expect(written!.trimStart().startsWith('"'), name).toBe(true);
          if (cell.afterQuote !== null) {
            expect(textAt(text, cell.afterQuote), name).not.toBeNull();
            expect(before(cell.range.start, cell.afterQuote.start) && before(cell.afterQuote.end, cell.range.end), name).toBe(true);
          }
        }
      }
    }
  });

  it('converts random text without throwing, every problem inside the text or on a spec word', () => {
    const next = mulberry32(7);
    for (let run = 0; run < 2000; run++) {
      const text = randomText(next);
      const onehot = next() < 0.5;
      const data = readCsvExamples(text, { x: [columnRef('1')], y: [columnRef(onehot ? 'a' : '2')], onehot, rows: null }, { fileName: 'r.csv', maxProblems: 5 });
      expect(data.problems.length).toBeLessThanOrEqual(6);
      for (const problem of data.problems) {
        if (problem.range !== null) expect(textAt(text, problem.range), JSON.stringify(text)).not.toBeNull();
        else expect(problem.selection !== undefined || problem.code === 'csv-more-problems' || problem.code === 'csv-too-large', problem.code).toBe(true);
      }
      for (const example of data.examples) for (const v of [...example.x, ...example.y]) expect(Number.isFinite(v)).toBe(true);
    }
  });
});
