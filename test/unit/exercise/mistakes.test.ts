import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../src/core/activations/registry';
import type { CostName } from '../../../src/core/costs/registry';
import { judge, questionFor } from '../../../src/core/exercise/judge';
import type { MistakeId } from '../../../src/core/exercise/mistakes';
import { runEngine } from '../../../src/core/engine/run';
import type { Network } from '../../../src/core/model/network';
import { formatNumber } from '../../../src/core/notation/format';
import { StepSnapshot } from '../../../src/core/stepping/snapshot';
import { buildTrace } from '../../../src/core/trace/build';
import type { StepAddress } from '../../../src/core/trace/types';
import { randomNetwork } from '../engine/networks';

/**
 * Every named mistake, made by hand: each test computes the wrong value the way a learner who
 * makes that mistake would — straight from the engine's arrays and the spec's weights, never
 * through the catalogue — types it as the panel would show it, and expects the judge to name
 * that mistake. Several activations and costs, square layers (so swapped indices exist) and
 * not; a wrong value that happens to equal the right one at the shown digits cannot be told
 * apart and is skipped, and each test checks it judged enough cases.
 */
const DIGITS = 6;

interface Case {
  readonly network: Network;
  readonly label: string;
}

const SQUARED: readonly CostName[] = ['squared', 'half-squared', 'mean-squared'];
const HIDDEN: readonly ActivationName[] = ['sigmoid', 'tanh', 'softplus', 'elu', 'gelu', 'leaky-relu'];
const OUTPUT: readonly ActivationName[] = ['sigmoid', 'tanh', 'linear'];

let built: Case[] | null = null;

function cases(): Case[] {
  if (built) return built;
  const out: Case[] = (built = []);
  let seed = 1;
  for (const cost of SQUARED)
    for (const hidden of HIDDEN)
      for (const output of OUTPUT) {
        for (const sizes of [[3, 3, 3], [2, 3, 2]]) {
          out.push({ network: randomNetwork(seed++, sizes, [hidden, output], cost, 2), label: `${sizes.join('-')} ${hidden}/${output} ${cost}` });
        }
      }
  out.push({ network: randomNetwork(seed++, [3, 3, 3], ['tanh', 'softmax'], 'cross-entropy', 2), label: 'tanh/softmax cross-entropy' });
  out.push({ network: randomNetwork(seed++, [3, 3, 3, 3], ['sigmoid', 'relu', 'sigmoid'], 'binary-cross-entropy', 2), label: 'deep binary-cross-entropy' });
  return out;
}

const prepared = new Map<Network, { engine: ReturnType<typeof runEngine>; trace: ReturnType<typeof buildTrace> }>();

/** The judge's verdict on `wrong` typed as shown, at the step `address`; null when it cannot be told from the right value. */
function named(c: Case, address: StepAddress, wrong: number): readonly string[] | null {
  let ready = prepared.get(c.network);
  if (!ready) {
    const engine = runEngine(c.network);
    prepared.set(c.network, (ready = { engine, trace: buildTrace(c.network, engine, 0, { digits: DIGITS }) }));
  }
  const { engine, trace } = ready;
  const index = trace.indexOf(address);
  const step = trace.step(index);
  if (!Number.isFinite(wrong) || formatNumber(wrong, DIGITS) === formatNumber(step.value, DIGITS) || Math.abs(wrong - step.value) <= 1e-5 * Math.abs(step.value)) return null;
  const question = questionFor(step, new StepSnapshot(trace, engine, index - 1), DIGITS, 'from-to');
  const verdict = judge(formatNumber(wrong, DIGITS), question);
  return verdict.kind === 'mistake' ? verdict.mistakes.map((m) => m.id) : [verdict.kind];
}

/** Raw numbers of example 1: a[ℓ][k−1], W(ℓ, k, j) as the spec writes it (row k, column j). */
function raw(network: Network) {
  const v = runEngine(network).example(0);
  const W = (l: number, k: number, j: number) => network.layers[l].weights[(k - 1) * network.layers[l].size + j - 1];
  const size = (l: number) => network.layers[l].size;
  return { v, W, size, L: network.layers.length - 1, y: network.examples[0].y };
}

/** The s of s Σ (y − a)², written here from the cost's definition in the README. */
function scaleOf(cost: CostName, n: number): number {
  return cost === 'squared' ? 1 : cost === 'half-squared' ? 0.5 : 1 / n;
}

function expectNamed(id: MistakeId, made: (c: Case) => { address: StepAddress; wrong: number }[], minimum: number): void {
  let judged = 0;
  for (const c of cases()) {
    for (const { address, wrong } of made(c)) {
      const verdict = named(c, address, wrong);
      if (verdict === null) continue;
      judged++;
      expect(verdict, `${c.label} at ${JSON.stringify(address)}: ${wrong}`).toContain(id);
    }
  }
  expect(judged).toBeGreaterThanOrEqual(minimum);
}

describe('each named mistake is recognised when the learner makes it', { timeout: 30_000 }, () => {
  it('σ′ left out of δ, of ∂cᵢ/∂w and ∂cᵢ/∂b, and of the backward sum', () => {
    expectNamed(
      'sigma-prime-omitted',
      ({ network }) => {
        const { v, W, size, L } = raw(network);
        if (network.layers[L].activation === 'softmax') return [];
        const made = [];
        for (let l = 1; l <= L; l++) {
          if (network.layers[l].activation === 'relu') continue;
          for (let j = 1; j <= size(l); j++) {
            made.push({ address: { kind: 'delta' as const, layer: l, j, k: 0 }, wrong: v.dcda[l][j - 1] });
            made.push({ address: { kind: 'db' as const, layer: l, j, k: 0 }, wrong: v.dcda[l][j - 1] });
            for (let k = 1; k <= size(l - 1); k++) made.push({ address: { kind: 'dw' as const, layer: l, j, k }, wrong: v.dcda[l][j - 1] * v.a[l - 1][k - 1] });
            if (l < L && network.layers[l + 1].activation !== 'relu') {
              let sum = 0;
              for (let r = 1; r <= size(l + 1); r++) sum += v.dcda[l + 1][r - 1] * W(l + 1, j, r);
              made.push({ address: { kind: 'dcda' as const, layer: l, j, k: 0 }, wrong: sum });
            }
          }
        }
        return made;
      },
      500,
    );
  });

  it('the sign of (a − y) flipped, in ∂cᵢ/∂a⁽ᴸ⁾ⱼ and in δ⁽ᴸ⁾ⱼ', () => {
    expectNamed(
      'sign-flipped',
      ({ network }) => {
        if (!SQUARED.includes(network.cost)) return [];
        const { v, size, L, y } = raw(network);
        const s = scaleOf(network.cost, size(L));
        return Array.from({ length: size(L) }, (_, t) => {
          const flipped = 2 * s * (y[t] - v.a[L][t]);
          return [
            { address: { kind: 'dcda' as const, layer: L, j: t + 1, k: 0 }, wrong: flipped },
            { address: { kind: 'delta' as const, layer: L, j: t + 1, k: 0 }, wrong: flipped * v.dadz[L][t] },
          ];
        }).flat();
      },
      100,
    );
  });

  it('the factor 2 dropped (squared, mean-squared) or added (half-squared), as the registry defines the cost', () => {
    for (const [id, costs] of [
      ['factor-two-dropped', ['squared', 'mean-squared']],
      ['factor-two-added', ['half-squared']],
    ] as const) {
      expectNamed(
        id,
        ({ network }) => {
          if (!(costs as readonly string[]).includes(network.cost)) return [];
          const { v, size, L, y } = raw(network);
          // squared: (a − y) instead of 2(a − y); mean-squared: (1/n)(a − y); half-squared: 2(a − y).
          const written = network.cost === 'squared' ? 1 : network.cost === 'mean-squared' ? 1 / size(L) : 2;
          return Array.from({ length: size(L) }, (_, t) => {
            const wrong = written * (v.a[L][t] - y[t]);
            return [
              { address: { kind: 'dcda' as const, layer: L, j: t + 1, k: 0 }, wrong },
              { address: { kind: 'delta' as const, layer: L, j: t + 1, k: 0 }, wrong: wrong * v.dadz[L][t] },
            ];
          }).flat();
        },
        40,
      );
    }
  });

  it('w⁽ℓ⁾ₖⱼ read as w⁽ℓ⁾ⱼₖ in z, in the backward sum and in ∂cᵢ/∂w', () => {
    expectNamed(
      'weight-indices-swapped',
      ({ network }) => {
        const { v, W, size, L } = raw(network);
        const made = [];
        for (let l = 1; l <= L; l++) {
          const square = size(l) === size(l - 1);
          for (let j = 1; j <= size(l); j++) {
            if (square) {
              let z = network.layers[l].biases[j - 1];
              for (let k = 1; k <= size(l - 1); k++) z += W(l, j, k) * v.a[l - 1][k - 1];
              made.push({ address: { kind: 'z' as const, layer: l, j, k: 0 }, wrong: z });
            }
            if (l < L && size(l + 1) === size(l)) {
              let sum = 0;
              for (let r = 1; r <= size(l + 1); r++) sum += v.delta[l + 1][r - 1] * W(l + 1, r, j);
              made.push({ address: { kind: 'dcda' as const, layer: l, j, k: 0 }, wrong: sum });
            }
            for (let k = 1; k <= size(l - 1); k++) {
              if (k <= size(l) && j <= size(l - 1)) made.push({ address: { kind: 'dw' as const, layer: l, j, k }, wrong: v.delta[l][k - 1] * v.a[l - 1][j - 1] });
            }
          }
        }
        return made;
      },
      500,
    );
  });

  it('the activation of the wrong layer in z and in ∂cᵢ/∂w = a⁽ℓ⁻¹⁾ₖ δ⁽ℓ⁾ⱼ', () => {
    expectNamed(
      'wrong-layer-activation',
      ({ network }) => {
        const { v, W, size, L } = raw(network);
        const made = [];
        for (let l = 1; l <= L; l++) {
          for (let j = 1; j <= size(l); j++) {
            if (l >= 2 && size(l - 2) >= size(l - 1)) {
              let z = network.layers[l].biases[j - 1];
              for (let k = 1; k <= size(l - 1); k++) z += W(l, k, j) * v.a[l - 2][k - 1];
              made.push({ address: { kind: 'z' as const, layer: l, j, k: 0 }, wrong: z });
            }
            for (let k = 1; k <= size(l - 1); k++) {
              if (k <= size(l)) made.push({ address: { kind: 'dw' as const, layer: l, j, k }, wrong: v.delta[l][j - 1] * v.a[l][k - 1] });
              if (l >= 2 && k <= size(l - 2)) made.push({ address: { kind: 'dw' as const, layer: l, j, k }, wrong: v.delta[l][j - 1] * v.a[l - 2][k - 1] });
            }
          }
        }
        return made;
      },
      500,
    );
  });
});
