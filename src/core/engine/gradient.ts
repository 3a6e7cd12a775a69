import type { Network } from '../model/network';
import { passOverExamples } from './passes';
import { workspaceFor, type Workspace } from './workspace';

/** The mean cost c and gradient ∂c/∂w, ∂c/∂b, as views into the workspace (valid until its next use). */
export interface GradientView {
  readonly cost: number;
  readonly w: readonly Float64Array[];
  readonly b: readonly Float64Array[];
}

/**
 * The fast path: forward and backward passes over every example in the network's reusable
 * workspace, allocating nothing after the first call. Returns views into the workspace, so copy
 * what must outlive the next call. `runEngine` builds the full EngineResult on the same passes.
 */
export function computeGradient(network: Network, workspace: Workspace = workspaceFor(network)): GradientView {
  const { cost } = passOverExamples(workspace, workspace.weights, workspace.biases, { backward: true, costs: null });
  return { cost, w: workspace.gw, b: workspace.gb };
}

/** The mean cost c for the given parameters (the network's own when omitted), forward pass only. */
export function meanCost(
  network: Network,
  weights?: readonly Float64Array[],
  biases?: readonly Float64Array[],
  workspace: Workspace = workspaceFor(network),
): number {
  return passOverExamples(workspace, weights ?? workspace.weights, biases ?? workspace.biases, { backward: false, costs: null }).cost;
}
