import { MAX_ANALYSIS_BYTES, MAX_MULTIPLY_ADDS } from './workload';

/**
 * How big a spec may be. Every limit is checked from the layer sizes and the example lines
 * before anything of that size is allocated, so a typo such as `layer 1: 1000000 sigmoid`
 * gives a diagnostic instead of freezing the editor. A 784-128-10 network (101,770
 * parameters) is far inside them.
 */

/** The most weights and biases, Σ_ℓ (n_(ℓ−1)·n_ℓ + n_ℓ) over ℓ = 1 … L, a network may have. */
export const MAX_PARAMETERS = 2_000_000;

/** The most numbers all examples together may hold: m·(n_0 + n_L) for m examples. */
export const MAX_EXAMPLE_NUMBERS = 5_000_000;

/**
 * The most problems one spec reports; the rest are counted in one closing "… and N more
 * problems" diagnostic. A file of typos then costs the editor, the panel and `nnet check` a
 * thousand messages, not a million.
 */
export const MAX_DIAGNOSTICS = 1_000;

/**
 * The most gradient steps a spec's `steps N` line may ask for. A run is one forward and
 * backward pass per step, so this bounds how long `nnet train` or Backprop: Train can be told to
 * run by the file alone: a typo such as `steps 1e9` is refused, not left running for hours.
 */
export const MAX_TRAINING_STEPS = 1_000_000;

export interface Limits {
  readonly maxParameters: number;
  readonly maxExampleNumbers: number;
  readonly maxDiagnostics: number;
  /** See model/workload.ts. */
  readonly maxMultiplyAdds: number;
  readonly maxAnalysisBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxParameters: MAX_PARAMETERS,
  maxExampleNumbers: MAX_EXAMPLE_NUMBERS,
  maxDiagnostics: MAX_DIAGNOSTICS,
  maxMultiplyAdds: MAX_MULTIPLY_ADDS,
  maxAnalysisBytes: MAX_ANALYSIS_BYTES,
};
