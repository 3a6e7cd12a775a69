import * as vscode from 'vscode';
import { formatNumber } from '../../core/notation/format';
import { StepSnapshot } from '../../core/stepping/snapshot';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import { steppedTrace } from '../editor/editorState';
import { editorStateOf } from '../editor/editorStateOf';
import { lensPlan, resolveLens } from '../editor/lensContent';
import type { Services } from '../services';

/**
 * While a debug session is stopped, the spec shows what is known so far at the end of its lines,
 * as a debugger shows a program's variables: each layer's vectors up to the stopped quantity (the
 * text of its code lens, from the same stepping snapshot), and the stopped quantity's own number
 * beside its text in the spec.
 */
export function registerInlineValues(services: Services): vscode.Disposable {
  const { guard } = services;
  return vscode.languages.registerInlineValuesProvider(
    { language: NNET_LANGUAGE },
    {
      provideInlineValues: guard.wrap(
        (document) => `providing the inline values of ${document.uri}`,
        () => [],
        (document: vscode.TextDocument, viewPort: vscode.Range) => inlineValues(services, document, viewPort),
      ),
    },
  );
}

function inlineValues(services: Services, document: vscode.TextDocument, viewPort: vscode.Range): vscode.InlineValue[] {
  const state = editorStateOf(services, document);
  const engine = state.analysis.engine;
  if (!engine) return [];
  const values: vscode.InlineValue[] = [];
  const endOf = (line: number) => new vscode.Range(line, document.lineAt(line).text.length, line, document.lineAt(line).text.length);
  const inView = (line: number) => line >= viewPort.start.line && line <= viewPort.end.line;
  const plan = lensPlan(state);
  for (const slot of plan.slots) {
    if (slot.kind !== 'layer' || !inView(slot.range.start.line)) continue;
    values.push(new vscode.InlineValueText(endOf(slot.range.start.line), resolveLens(state, plan, slot).title));
  }
  const trace = steppedTrace(state);
  const stepIndex = state.position.step;
  if (trace && stepIndex >= 0 && stepIndex < trace.length) {
    const step = trace.step(stepIndex);
    const line = step.source?.start.line;
    const snapshot = new StepSnapshot(trace, engine, stepIndex);
    // A layer line already shows its vectors; a weight, bias, example or cost line gets the number.
    const layerLine = plan.slots.some((slot) => slot.kind === 'layer' && slot.range.start.line === line);
    if (line !== undefined && inView(line) && !layerLine)
      values.push(new vscode.InlineValueText(endOf(line), `${step.symbolText} = ${formatNumber(snapshot.value(step.address), state.digits)}`));
  }
  return values;
}
