import type { Network } from '../model/network';
import { backward } from './backward';
import { findFailure } from './failure';
import { costs, forward } from './forward';
import type { EngineResult, NumericFailure } from './types';
import { workspaceFor, type PassArrays, type Workspace } from './workspace';

/**
 * Runs backpropagation on every example of the network and returns everything it computed:
 * the forward quantities, c_i and c, ∂c_i/∂a, σ′, δ per example, the mean gradient, one step of
 * gradient descent w − η∂c/∂w, b − η∂c/∂b with the cost after it, and the first non-finite
 * quantity if any (those two are computed on first read). The passes run in the network's
 * shared workspace and the result owns copies of its arrays, so it survives the workspace's
 * next use. Per-example ∂c_i/∂w are not stored; see perExample.ts.
 */
export function runEngine(network: Network): EngineResult {
  const scratch = workspaceFor(network);
  forward(scratch, scratch.weights, scratch.biases);
  const cost = costs(scratch);
  backward(scratch, scratch.weights);
  const ws = ownedCopy(scratch);

  const eta = network.learningRate;
  const L = ws.sizes.length - 1;
  const w: Float64Array[] = [new Float64Array(0)];
  const b: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l <= L; l++) {
    const wl = new Float64Array(scratch.weights[l]);
    const gw = ws.gw[l];
    for (let q = 0; q < wl.length; q++) wl[q] -= eta * gw[q];
    const bl = new Float64Array(scratch.biases[l]);
    const gb = ws.gb[l];
    for (let q = 0; q < bl.length; q++) bl[q] -= eta * gb[q];
    w.push(wl);
    b.push(bl);
  }
  // Two quantities are derived on first read and then kept: the cost after the step (a whole
  // extra forward pass) and the scan for a non-finite number. Stepping through the trace needs
  // neither, so building a trace costs little more than the gradient itself.
  let updatedCost: number | undefined;
  const costAfterStep = (): number => {
    if (updatedCost === undefined) {
      forward(scratch, w, b);
      updatedCost = costs(scratch);
    }
    return updatedCost;
  };
  let failure: NumericFailure | null | undefined;

  return {
    network,
    exampleCount: ws.m,
    z: ws.z,
    a: ws.a,
    dcda: ws.dcda,
    dadz: ws.dadz,
    delta: ws.delta,
    costs: ws.costs,
    cost,
    gradient: { w: ws.gw, b: ws.gb },
    updated: {
      w,
      b,
      get cost() {
        return costAfterStep();
      },
    },
    get failure() {
      if (failure === undefined) failure = findFailure(ws, w, b, costAfterStep());
      return failure;
    },
    kernel: scratch.products.kernel,
  };
}

/**
 * Copies of every array a result exposes, in one allocation: the shared workspace may live in
 * the WebAssembly kernel's memory and is overwritten by the next pass over this network.
 */
function ownedCopy(ws: Workspace): PassArrays {
  const layered = [ws.z, ws.a, ws.dcda, ws.dadz, ws.delta, ws.gw, ws.gb];
  let total = ws.costs.length;
  for (const list of layered) for (const array of list) total += array.length;
  const arena = new Float64Array(total);
  let offset = 0;
  const copy = (array: Float64Array): Float64Array => {
    const view = arena.subarray(offset, offset + array.length);
    view.set(array);
    offset += array.length;
    return view;
  };
  const [z, a, dcda, dadz, delta, gw, gb] = layered.map((list) => list.map(copy));
  return { sizes: ws.sizes, m: ws.m, z, a, dcda, dadz, delta, gw, gb, costs: copy(ws.costs) };
}
