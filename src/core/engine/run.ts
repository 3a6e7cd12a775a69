import type { Network } from '../model/network';
import { backward } from './backward';
import { findFailure } from './failure';
import { costs, forward } from './forward';
import type { EngineResult, NumericFailure } from './types';
import { Workspace, workspaceFor } from './workspace';

/**
 * Runs backpropagation on every example of the network and returns everything it computed:
 * the forward quantities, c_i and c, ∂c_i/∂a, σ′, δ per example, the mean gradient, one step of
 * gradient descent w − η∂c/∂w, b − η∂c/∂b with the cost after it, and the first non-finite
 * quantity if any (those two are computed on first read). The result owns its arrays (a fresh workspace is handed over whole).
 * Per-example ∂c_i/∂w are not stored; see perExample.ts.
 */
export function runEngine(network: Network): EngineResult {
  const ws = new Workspace(network);
  forward(ws, ws.weights, ws.biases);
  const cost = costs(ws);
  backward(ws, ws.weights);

  const eta = network.learningRate;
  const L = ws.sizes.length - 1;
  const w: Float64Array[] = [new Float64Array(0)];
  const b: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l <= L; l++) {
    const wl = new Float64Array(ws.weights[l]);
    const gw = ws.gw[l];
    for (let q = 0; q < wl.length; q++) wl[q] -= eta * gw[q];
    const bl = new Float64Array(ws.biases[l]);
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
      // Evaluated in the network's shared scratch workspace, leaving this result's arrays intact.
      const scratch = workspaceFor(network);
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
  };
}
