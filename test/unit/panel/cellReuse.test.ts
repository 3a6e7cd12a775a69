/**
 * A step rewrites only the table cells it changes: cellStates, given the states made for the
 * view before, keeps the state object of every cell whose quantity, number and marks are the
 * same (the tables then skip it), and makes new ones for the rest — the new number, the current
 * cell and the factors' cells, before and after.
 */
import { describe, expect, it } from 'vitest';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import type { ViewMessage } from '../../../src/shared/panelMessages';
import { highlightsFor } from '../../../webview/highlight';
import { cellStates, type CellState } from '../../../webview/tableCells';
import { analyseText, mazurText } from './realAnalysis';

const analysis = analyseText(mazurText());

function viewAt(step: number, digits = 6): ViewMessage {
  const message = buildPanelMessage({ uri: 'file:///mazur.nnet', fileName: 'mazur.nnet', analysis, position: { example: 0, step }, digits });
  if (message.type !== 'view') throw new Error(`expected a view, got ${message.type}`);
  return message;
}

function statesAt(step: number, digits = 6): { view: ViewMessage; states: CellState[] } {
  const view = viewAt(step, digits);
  return { view, states: cellStates(view, highlightsFor(view.step)) };
}

describe('table cells kept from one step to the next', () => {
  it('keeps every untouched cell and remakes the changed, current and factor cells', () => {
    const before = statesAt(11); // δ⁽²⁾₁
    const view = viewAt(12);
    const highlights = highlightsFor(view.step);
    const states = cellStates(view, highlights, { view: before.view, highlights: highlightsFor(before.view.step), states: before.states });
    const fresh = cellStates(view, highlights);
    // Reuse never changes what a cell shows or says.
    expect(states.map((s) => [s.ref, s.text, s.className, s.label, s.current, s.badge])).toEqual(fresh.map((s) => [s.ref, s.text, s.className, s.label, s.current, s.badge]));
    const marked = new Set([...highlightsFor(before.view.step).cellMarks.keys(), ...highlights.cellMarks.keys()]);
    const remade = new Set(states.filter((s, i) => s !== before.states[i]).map((s) => s.ref));
    // A changed number or a mark, before or now: remade. Anything kept shows the same and is unmarked.
    states.forEach((s, i) => {
      if (s.text !== before.states[i].text || marked.has(s.ref)) expect(remade.has(s.ref), s.ref).toBe(true);
      if (!remade.has(s.ref)) expect([s.text, marked.has(s.ref)]).toEqual([before.states[i].text, false]);
    });
    expect(remade.size).toBeGreaterThan(0);
    expect(remade.size).toBeLessThan(states.length / 4);
  });

  it('remakes every cell when the digits change', () => {
    const before = statesAt(20, 6);
    const view = viewAt(20, 3);
    const states = cellStates(view, highlightsFor(view.step), { view: before.view, highlights: highlightsFor(before.view.step), states: before.states });
    expect(states.every((s, i) => s !== before.states[i])).toBe(true);
  });
});
