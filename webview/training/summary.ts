/**
 * What the screen-reader summary says: the charts and the picture are canvases, so the run's
 * story is also told in words, in a polite live region that is updated every few seconds while
 * training and once at the end (main.ts paces it). Steps done, the first and latest cost, the
 * best validation cost and where, and whether the run diverged. Pure.
 */
import { thousands } from '../../src/core/notation/count';
import { formatNumber } from '../../src/core/notation/format';
import type { RunHistory } from './history';
import { divergedPhrase, type Phase } from './wording';

export interface SummaryFacts {
  readonly phase: Phase;
  readonly steps: number;
  readonly done: number;
  /** cost[0], the latest finite cost and its t, the best validation cost and its t (null when unknown). */
  readonly firstCost: number | null;
  readonly latest: { readonly step: number; readonly cost: number } | null;
  readonly bestValidation: { readonly step: number; readonly cost: number } | null;
  readonly divergedAt: number | null;
  readonly digits: number;
}

export function summaryFacts(history: RunHistory, phase: Phase, digits: number): SummaryFacts {
  const latest = history.latestCostStep();
  const best = history.bestValidationStep();
  return {
    phase,
    steps: history.steps,
    done: history.done,
    firstCost: history.costAt(0),
    latest: latest === null ? null : { step: latest, cost: history.cost[latest] },
    bestValidation: best === null || !history.validationCost ? null : { step: best, cost: history.validationCost[best] },
    divergedAt: history.finished?.divergedAt ?? null,
    digits,
  };
}

/** "after 1,200 steps", or "before the first step" for t = 0. */
function when(t: number): string {
  return t === 0 ? 'before the first step' : `after ${thousands(t)} ${t === 1 ? 'step' : 'steps'}`;
}

export function summaryText(f: SummaryFacts): string {
  const n = (v: number) => formatNumber(v, f.digits);
  const of = `${thousands(f.done)} of ${thousands(f.steps)} steps`;
  const sentences: string[] = [];
  switch (f.phase) {
    case 'waiting':
      return 'Waiting for the training run.';
    case 'running':
      sentences.push(`Training: ${of} done.`);
      break;
    case 'completed':
      sentences.push(`Training finished: ${of} done.`);
      break;
    case 'cancelled':
      sentences.push(`Training cancelled: ${of} done.`);
      break;
    case 'diverged':
      sentences.push(`Training diverged: ${divergedPhrase(f.divergedAt)}. ${of} done.`);
      break;
  }
  if (f.firstCost !== null) {
    const latest = f.latest && f.latest.step > 0 ? `, ${n(f.latest.cost)} ${when(f.latest.step)}` : '';
    sentences.push(`Cost ${n(f.firstCost)} ${when(0)}${latest}.`);
  }
  if (f.bestValidation) sentences.push(`Best validation cost ${n(f.bestValidation.cost)}, ${when(f.bestValidation.step)}.`);
  return sentences.join(' ');
}
