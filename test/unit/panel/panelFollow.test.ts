import { describe, expect, it } from 'vitest';
import type { BatchView } from '../../../src/shared/panelMessages';
import { batchRows, batchTex } from '../../../webview/batchView';
import { scrollStart } from '../../../webview/follow';
import { chooseOrientation } from '../../../webview/tableLayout';

describe('following the current cell', () => {
  const view = { start: 100, size: 400 }; // showing 100 … 500

  it('does not move when the cell and its factors are in view', () => {
    expect(scrollStart(view, [{ start: 200, end: 220 }, { start: 400, end: 420 }], 8)).toBe(100);
  });

  it('moves as little as needed, down or up, with a margin', () => {
    expect(scrollStart(view, [{ start: 600, end: 620 }], 8)).toBe(620 + 8 - 400);
    expect(scrollStart(view, [{ start: 40, end: 60 }], 8)).toBe(32);
  });

  it('brings factor cells along while they fit with the current cell, and never loses the current cell', () => {
    // The factor at 700 fits with the cell at 600: both are shown.
    expect(scrollStart(view, [{ start: 600, end: 620 }, { start: 700, end: 720 }], 8)).toBe(720 + 8 - 400);
    // A factor 1000 px away does not fit: the current cell alone decides.
    expect(scrollStart(view, [{ start: 600, end: 620 }, { start: 1600, end: 1620 }], 8)).toBe(620 + 8 - 400);
    expect(scrollStart(view, [{ start: 600, end: 620 }, { start: 10, end: 30 }], 8)).toBe(620 + 8 - 400);
    // A factor above the view that fits with the current cell below it: scroll so both show.
    expect(scrollStart(view, [{ start: 300, end: 320 }, { start: 50, end: 70 }], 8)).toBe(42);
  });

  it('shows the start of a cell wider than the view', () => {
    expect(scrollStart(view, [{ start: 600, end: 1200 }], 8)).toBe(592);
  });
});

describe('fitting a neuron table to the panel', () => {
  it('keeps the natural layout while it fits, or before it is measured', () => {
    expect(chooseOrientation({}, 300)).toBe('rows');
    expect(chooseOrientation({ rows: 280 }, 300)).toBe('rows');
    expect(chooseOrientation({ rows: 280, columns: 200 }, 300)).toBe('rows');
  });

  it('transposes a table too wide for the panel, and goes back when the panel is wide enough again', () => {
    expect(chooseOrientation({ rows: 700 }, 500)).toBe('columns');
    expect(chooseOrientation({ rows: 700, columns: 420 }, 500)).toBe('columns');
    expect(chooseOrientation({ rows: 700, columns: 420 }, 720)).toBe('rows');
  });

  it('keeps the narrower layout when neither fits', () => {
    expect(chooseOrientation({ rows: 700, columns: 900 }, 500)).toBe('rows');
    expect(chooseOrientation({ rows: 900, columns: 700 }, 500)).toBe('columns');
  });
});

function batch(values: number[], current: number): BatchView {
  const entries = values.map((value, example) => ({ example, value }));
  const sorted = [...entries].sort((a, b) => a.value - b.value);
  return {
    parameterTex: 'w^{(2)}_{12}',
    parameterText: 'w⁽²⁾₁₂',
    exampleCount: values.length,
    current: entries[current],
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    entries: values.length <= 8 ? entries : [],
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

describe('the batch at an update step', () => {
  it('writes ∂c/∂w as the mean of every example’s ∂cᵢ/∂w, subtracting negative terms', () => {
    const tex = batchTex(batch([0.25, -0.5, 1], 1), 6);
    expect(tex).toBe(
      '\\displaystyle \\frac{\\partial c}{\\partial w^{(2)}_{12}} = \\frac{1}{m} \\sum_{i=1}^{m} \\frac{\\partial c_i}{\\partial w^{(2)}_{12}} = \\frac{1}{3}\\,(0.25 - 0.5 + 1) = 0.25',
    );
    expect(tex).not.toMatch(/\+ *-/);
  });

  it('lists each example, marks the one being stepped, and ends with the mean', () => {
    const rows = batchRows(batch([0.25, -0.5, 1], 1), 6);
    expect(rows.map((r) => [r.header, r.value, r.stepped, r.mean])).toEqual([
      ['1', '0.25', false, false],
      ['2 (this example)', '−0.5', true, false],
      ['3', '1', false, false],
      ['mean, ∂c/∂w⁽²⁾₁₂', '0.25', false, true],
    ]);
  });

  it('summarises a batch of more than eight: size, mean, smallest and largest with their examples, this example', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i === 6 ? -2 : i === 13 ? 3 : i / 100));
    const summary = batchRows(batch(values, 4), 3);
    expect(summary.map((r) => [r.header, r.value, r.stepped])).toEqual([
      ['examples, m', '20', false],
      ['mean, ∂c/∂w⁽²⁾₁₂', '0.136', false],
      ['smallest, example 7', '−2', false],
      ['largest, example 14', '3', false],
      ['this example, i = 5', '0.04', true],
    ]);
    expect(batchTex(batch(values, 4), 3)).not.toContain('\\,(');
  });
});
