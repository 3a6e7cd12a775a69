import { runEngine } from '../../../src/core/engine/run';
import { evaluateText, type EvaluationResult } from '../../../src/core/expression';
import type { Network } from '../../../src/core/model/network';
import type { WeightOrder } from '../../../src/core/notation/symbols';
import { StepSnapshot } from '../../../src/core/stepping/snapshot';
import { buildTrace } from '../../../src/core/trace/build';

/**
 * A stepping position to evaluate expressions at: the network's engine result, the trace of one
 * example (0-based) and a 0-based step, 'last' for the end of the trace.
 */
export function snapshotAt(network: Network, step: number | 'last', options: { example?: number; weightOrder?: WeightOrder } = {}): StepSnapshot {
  const engine = runEngine(network);
  const trace = buildTrace(network, engine, options.example ?? 0, options.weightOrder ? { weightOrder: options.weightOrder } : {});
  return new StepSnapshot(trace, engine, step === 'last' ? trace.length - 1 : step);
}

/** The number an expression gives, failing the test with the message when it gives none. */
export function numberOf(result: EvaluationResult): number {
  if ('error' in result) throw new Error(`expected a value, got: ${result.error.message}`);
  if (typeof result.value !== 'number') throw new Error(`expected a number, got a ${result.value.kind}`);
  return result.value;
}

export function evaluateNumber(text: string, snapshot: StepSnapshot, weightOrder?: WeightOrder): number {
  return numberOf(evaluateText(text, weightOrder ? { snapshot, weightOrder } : { snapshot }));
}

/** The error an expression gives, with the text it points at. */
export function errorOf(text: string, snapshot: StepSnapshot): { message: string; at: string } {
  const result = evaluateText(text, { snapshot });
  if (!('error' in result)) throw new Error(`expected an error for ${text}`);
  return { message: result.error.message, at: text.slice(result.error.start, result.error.end) };
}
