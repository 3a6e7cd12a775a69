/**
 * `npm run bench debug`: what a debug session costs a learner on a 784-128-10 network (100,480
 * weights, 32 examples), on the runtime that both VS Code's inline adapter and `nnet dap` use.
 * Budget 50 ms (median) for each of:
 *   - a step (Step Over, with the stop it announces and its worked line for the Debug Console);
 *   - a Variables request as VS Code makes it after a stop: the stack, the scopes of the top
 *     frame, the variables of one layer's scope and the first 100 rows of its w⁽¹⁾ (paged);
 *   - a Continue to a breakpoint, across the forward pass, the cost and layer 2's backward pass;
 *   - a watch of `norm(delta(1))` at the stop.
 */
import { DebugRuntime } from '../../src/core/debug/runtime';
import { generateSpec } from '../unit/parser/generate';
import { budget, measure } from './harness';

const BUDGET_MS = 50;
const text = generateSpec({ sizes: [784, 128, 10], parameters: false, examples: 32 });
const runtime = new DebugRuntime();
if (runtime.load(text).blocked) throw new Error('the generated spec does not run');
runtime.start(1, true);

let steps = 0;
budget(measure('Step Over on 784-128-10 (stop, description, worked line)', () => {
  runtime.stepOver(1);
  steps++;
}, { warmup: 20, runs: 201 }), BUDGET_MS);

// Into the backward pass, so that every scope has numbers and "not computed yet" entries alike.
runtime.moveTo(0, 2 * 138 + 1 + 3 * 10 + 1280 + 10 + 3 * 128);
budget(measure('a Variables request on 784-128-10 (stack, scopes, Layer 1, 100 rows of w⁽¹⁾)', () => {
  const frame = runtime.stack(1)[0];
  const scopes = runtime.scopes(frame.id);
  const layer1 = scopes.find((scope) => scope.name === 'Layer 1')!;
  const variables = runtime.variables(layer1.variablesReference);
  const w = variables.find((variable) => variable.name.startsWith('w⁽¹⁾'))!;
  runtime.variables(w.variablesReference, 0, 100);
}, { warmup: 5, runs: 51 }), BUDGET_MS);

budget(measure('a watch: norm(delta(1)) on 784-128-10', () => runtime.evaluate('norm(delta(1))', undefined, 'watch'), { warmup: 5, runs: 51 }), BUDGET_MS);

// A breakpoint on layer 1's line stops at z⁽¹⁾₁ and at ∂cᵢ/∂a⁽¹⁾₁: Continue from the step after
// z⁽¹⁾₁ crosses the forward pass, the cost and layer 2's backward pass (1,596 steps), listing
// the first steps in the Debug Console.
const layer1 = text.split('\n').findIndex((line) => line.startsWith('layer 1'));
runtime.setBreakpoints([{ line: layer1 }]);
budget(measure('Continue to a breakpoint 1,596 steps on, on 784-128-10', () => {
  runtime.moveTo(0, 1);
  const { stop } = runtime.continue(1);
  if (stop.reason !== 'breakpoint') throw new Error(`stopped by ${stop.reason}: ${stop.description}`);
}, { warmup: 2, runs: 21 }), BUDGET_MS);
console.log(`(${steps} steps taken in the first measurement)`);
