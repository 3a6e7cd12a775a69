import { describe, expect, it } from 'vitest';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import type { ViewMessage } from '../../../src/shared/panelMessages';
import { cellName, nodeName } from '../../../webview/accessibleNames';
import { highlightsFor } from '../../../webview/highlight';
import { navKey, nextIndex, type Point } from '../../../webview/rovingFocus';
import { cellStates } from '../../../webview/tableCells';
import { quantityValue } from '../../../webview/viewValues';
import { analyseText, mazurText } from './realAnalysis';

const analysis = analyseText(mazurText());
const trace = analysis.trace(0, 6)!;

function viewAt(address: Parameters<typeof trace.indexOf>[0]): ViewMessage {
  const step = trace.indexOf(address);
  const message = buildPanelMessage({ uri: 'file:///mazur.nnet', fileName: 'mazur.nnet', analysis, position: { example: 0, step }, digits: 6 });
  if (message.type !== 'view') throw new Error(`expected a view, got ${message.type}`);
  return message;
}

/** A 3 × 4 grid of cells at (column, row), row by row, as a table's cells are. */
const grid: Point[] = [];
for (let y = 1; y <= 3; y++) for (let x = 1; x <= 4; x++) grid.push({ x, y });
const at = (x: number, y: number) => grid.findIndex((p) => p.x === x && p.y === y);

describe('roving focus: which cell or node a key moves to', () => {
  it('moves by one cell in the arrow’s direction and stops at the edges', () => {
    expect(nextIndex(grid, at(2, 2), 'right', true)).toBe(at(3, 2));
    expect(nextIndex(grid, at(2, 2), 'left', true)).toBe(at(1, 2));
    expect(nextIndex(grid, at(2, 2), 'up', true)).toBe(at(2, 1));
    expect(nextIndex(grid, at(2, 2), 'down', true)).toBe(at(2, 3));
    expect(nextIndex(grid, at(4, 2), 'right', true)).toBe(at(4, 2));
    expect(nextIndex(grid, at(2, 1), 'up', true)).toBe(at(2, 1));
  });

  it('goes to the row’s ends with Home and End in a table, to the group’s ends with Ctrl or in the diagram', () => {
    expect(nextIndex(grid, at(2, 2), 'home', true)).toBe(at(1, 2));
    expect(nextIndex(grid, at(2, 2), 'end', true)).toBe(at(4, 2));
    expect(nextIndex(grid, at(2, 2), 'first', true)).toBe(at(1, 1));
    expect(nextIndex(grid, at(2, 2), 'last', true)).toBe(at(4, 3));
    expect(nextIndex(grid, at(2, 2), 'home', false)).toBe(at(1, 1));
    expect(nextIndex(grid, at(2, 2), 'end', false)).toBe(at(4, 3));
  });

  it('moves through a drawn diagram to the nearest node in the arrow’s direction', () => {
    // Two columns of neurons 150 px apart and the four edges between them, each placed 35 % along
    // its length (drawnPosition), so the two crossing edges are apart.
    const nodes: Point[] = [
      { x: 100, y: 50 }, { x: 100, y: 150 }, // layer 0
      { x: 152.5, y: 50 }, { x: 152.5, y: 85 }, { x: 152.5, y: 115 }, { x: 152.5, y: 150 }, // edges
      { x: 250, y: 50 }, { x: 250, y: 150 }, // layer 1
    ];
    expect(nextIndex(nodes, 0, 'down', false)).toBe(1);
    expect(nextIndex(nodes, 0, 'right', false)).toBe(2);
    expect(nextIndex(nodes, 2, 'right', false)).toBe(6);
    expect(nextIndex(nodes, 2, 'down', false)).toBe(3);
    expect(nextIndex(nodes, 3, 'down', false)).toBe(4);
    expect(nextIndex(nodes, 7, 'left', false)).toBe(5);
  });

  it('takes plain arrows, Home and End (Ctrl+Home/End), and leaves Shift and Alt combinations to the panel', () => {
    expect(navKey('ArrowRight', false, false, false)).toBe('right');
    expect(navKey('Home', false, false, false)).toBe('home');
    expect(navKey('End', true, false, false)).toBe('last');
    expect(navKey('ArrowRight', false, true, false)).toBeNull();
    expect(navKey('ArrowLeft', false, false, true)).toBeNull();
    expect(navKey('f', false, false, false)).toBeNull();
    expect(navKey('Enter', false, false, false)).toBeNull();
  });
});

describe('accessible names', () => {
  it('say the symbol, the number and the part in the current step', () => {
    expect(cellName('δ⁽²⁾₂', '−0.0380982', { factors: [1], current: false })).toBe('δ⁽²⁾₂ = −0.0380982, factor 2 of the current step');
    expect(cellName('a⁽¹⁾₁', '0.59327', { factors: [2, 4], current: false })).toBe('a⁽¹⁾₁ = 0.59327, factors 3 and 5 of the current step');
    expect(cellName('δ⁽²⁾₁', '0.138499', { factors: [], current: true })).toBe('δ⁽²⁾₁ = 0.138499, the current step');
    expect(cellName('z⁽²⁾₂', '', undefined)).toBe('z⁽²⁾₂, not computed yet');
    const factors = [{ tex: '', text: '∂cᵢ/∂a⁽²⁾₁', value: 0, valueText: '', refers: null }];
    expect(nodeName('a⁽²⁾₁', '0.751365', { factors: [0], current: true }, factors, 'δ⁽²⁾₁')).toBe(
      'a⁽²⁾₁ = 0.751365, holds the current step, δ⁽²⁾₁, holds factor 1 (∂cᵢ/∂a⁽²⁾₁) of the current step',
    );
  });

  it('name every factor cell of ∂cᵢ/∂w⁽²⁾₁₂ by its factor number, and the current cell as the current step', () => {
    const view = viewAt({ kind: 'dw', layer: 2, j: 2, k: 1 });
    const states = new Map(cellStates(view, highlightsFor(view.step)).map((s) => [s.ref, s]));
    const current = states.get('dw:2:2:1')!;
    expect(current.current).toBe(true);
    expect(current.label).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = −0\.0226025, the current step/);
    let named = 0;
    view.step!.factors.forEach((factor, i) => {
      const cell = factor.refers && states.get(`${factor.refers.kind}:${factor.refers.layer}:${factor.refers.j}:${factor.refers.k}`);
      if (!cell) return;
      const listed = /factors? ([\d, and]+) of the current step$/.exec(cell.label)?.[1].match(/\d+/g) ?? [];
      expect(listed).toContain(String(i + 1));
      expect(cell.badge.split(' ')).toContain(String(i + 1));
      expect(cell.current).toBe(false);
      named++;
    });
    expect(named).toBeGreaterThanOrEqual(3);
    const plain = states.get('w:1:1:1')!;
    expect(plain.label).toBe('w⁽¹⁾₁₁ = 0.15');
    expect(plain.badge).toBe('');
    expect(states.get('delta:1:1:0')!.label).toBe('δ⁽¹⁾₁, not computed yet');
  });

  it('write weights in the weight order in force', () => {
    const step = trace.indexOf({ kind: 'dw', layer: 2, j: 2, k: 1 });
    const message = buildPanelMessage({ uri: 'file:///m.nnet', fileName: 'm.nnet', analysis, position: { example: 0, step }, digits: 6, weightOrder: 'to-from' });
    if (message.type !== 'view') throw new Error('expected a view');
    const states = new Map(cellStates(message, highlightsFor(message.step)).map((s) => [s.ref, s]));
    expect(states.get('w:2:2:1')!.label).toBe('w⁽²⁾₂₁ = 0.5');
    expect(states.get('dw:2:2:1')!.label).toMatch(/^∂cᵢ\/∂w⁽²⁾₂₁ = /);
  });

  it('finds any quantity’s number in a view, for diagram nodes', () => {
    const view = viewAt({ kind: 'dw', layer: 2, j: 2, k: 1 });
    expect(quantityValue(view, { kind: 'w', layer: 2, j: 2, k: 1 })).toBe(0.5);
    expect(quantityValue(view, { kind: 'x', layer: 0, j: 2, k: 0 })).toBe(0.1);
    expect(quantityValue(view, { kind: 'y', layer: 0, j: 2, k: 0 })).toBe(0.99);
    expect(quantityValue(view, { kind: 'a', layer: 2, j: 1, k: 0 })).toBeCloseTo(0.75136507, 7);
    expect(quantityValue(view, { kind: 'dw', layer: 2, j: 2, k: 1 })).toBeCloseTo(-0.0226025, 6);
    expect(quantityValue(view, { kind: 'delta', layer: 1, j: 1, k: 0 })).toBeNull();
    expect(quantityValue(view, { kind: 'cost', layer: 2, j: 0, k: 0 })).toBeCloseTo(0.298371109, 8);
    expect(quantityValue(view, { kind: 'z', layer: 2, j: 3, k: 0 })).toBeUndefined();
  });
});
