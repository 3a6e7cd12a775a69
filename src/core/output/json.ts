import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';

/**
 * The engine's numbers as one JSON-ready object (what `nnet trace --json` prints and what the
 * panel is sent). Layers are indexed ℓ = 0 … L; index 0 of a per-layer array is null where the
 * quantity does not exist; neurons are 0-based in arrays: w[ℓ][k][j] is w^(ℓ)_(k+1)(j+1).
 */
export interface TraceJson {
  readonly name: string | null;
  readonly costFunction: string;
  readonly learningRate: number;
  readonly layers: readonly { size: number; activation: string | null }[];
  readonly cost: number;
  readonly examples: readonly ExampleJson[];
  readonly gradient: { readonly w: (number[][] | null)[]; readonly b: (number[] | null)[] };
  readonly updated: { readonly w: (number[][] | null)[]; readonly b: (number[] | null)[]; readonly cost: number };
  readonly failure: EngineResult['failure'];
}

export interface ExampleJson {
  readonly x: number[];
  readonly y: number[];
  readonly cost: number;
  readonly z: (number[] | null)[];
  readonly a: number[][];
  readonly dcda: (number[] | null)[];
  readonly dadz: (number[] | null)[];
  readonly delta: (number[] | null)[];
  readonly dw: (number[][] | null)[];
  readonly db: (number[] | null)[];
}

/** Rows of an n_(ℓ−1) × n_ℓ matrix stored row-major. */
function matrix(values: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < rows; k++) out.push(Array.from({ length: cols }, (_, j) => values[k * cols + j]));
  return out;
}

/** JSON has no NaN or Infinity: they become null, and `failure` says which quantity went first. */
function finite(x: number): number {
  return Number.isFinite(x) ? x : (null as unknown as number);
}

export function engineToJson(network: Network, result: EngineResult, examples?: readonly number[]): TraceJson {
  const sizes = network.layers.map((l) => l.size);
  const perLayer = <T>(make: (l: number) => T): (T | null)[] => sizes.map((_, l) => (l === 0 ? null : make(l)));
  const row = (values: readonly Float64Array[], l: number, i: number) =>
    Array.from(values[l].subarray(i * sizes[l], (i + 1) * sizes[l]), finite);
  const which = examples ?? network.examples.map((_, i) => i);
  return {
    name: network.name,
    costFunction: network.cost,
    learningRate: network.learningRate,
    layers: network.layers.map((l) => ({ size: l.size, activation: l.activation })),
    cost: finite(result.cost),
    examples: which.map((i) => {
      const dw = perLayer((l) => {
        const out: number[][] = [];
        for (let k = 0; k < sizes[l - 1]; k++) {
          const ak = result.a[l - 1][i * sizes[l - 1] + k];
          out.push(Array.from({ length: sizes[l] }, (_, j) => finite(result.delta[l][i * sizes[l] + j] * ak)));
        }
        return out;
      });
      return {
        x: Array.from(network.examples[i].x),
        y: Array.from(network.examples[i].y),
        cost: finite(result.costs[i]),
        z: perLayer((l) => row(result.z, l, i)),
        a: sizes.map((_, l) => row(result.a, l, i)),
        dcda: perLayer((l) => row(result.dcda, l, i)),
        dadz: perLayer((l) => row(result.dadz, l, i)),
        delta: perLayer((l) => row(result.delta, l, i)),
        dw,
        db: perLayer((l) => row(result.delta, l, i)),
      };
    }),
    gradient: {
      w: perLayer((l) => matrix(Array.from(result.gradient.w[l], finite), sizes[l - 1], sizes[l])),
      b: perLayer((l) => Array.from(result.gradient.b[l], finite)),
    },
    updated: {
      w: perLayer((l) => matrix(Array.from(result.updated.w[l], finite), sizes[l - 1], sizes[l])),
      b: perLayer((l) => Array.from(result.updated.b[l], finite)),
      cost: finite(result.updated.cost),
    },
    failure: result.failure,
  };
}
