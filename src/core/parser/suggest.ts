/**
 * "Did you mean …?" for misspelt keywords, activations and costs: the nearest valid name by
 * edit distance (insertions, deletions, substitutions and swaps of neighbours, ignoring case),
 * plus a few common names from other tools that no spelling distance would find.
 */
import type { Fix } from '../diagnostics';
import type { Range } from '../text/range';

const ALIASES: Readonly<Record<string, string>> = {
  mse: 'mean-squared',
  l2: 'squared',
  sse: 'squared',
  bce: 'binary-cross-entropy',
  logloss: 'binary-cross-entropy',
  ce: 'cross-entropy',
  'categorical-cross-entropy': 'cross-entropy',
  'categorical-crossentropy': 'cross-entropy',
  logistic: 'sigmoid',
  identity: 'linear',
  none: 'linear',
  lr: 'learning-rate',
  eta: 'learning-rate',
  η: 'learning-rate',
  iterations: 'steps',
  batch: 'batch-size',
  weights: 'w',
  bias: 'b',
  biases: 'b',
};

/** The candidate `word` most likely stands for, or null when none is close enough. */
export function nearestName(word: string, candidates: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const alias = ALIASES[lower];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  if (lower.length > 40) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length, so such a candidate cannot be nearer:
    // a file of typos then costs a few distances a line, however many keywords there are.
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  if (best === null) return null;
  const allowed = Math.min(best.length, lower.length) <= 3 ? 1 : Math.min(3, Math.floor(best.length / 3));
  return bestDistance <= allowed ? best : null;
}

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d = new Array<number>(rows * columns);
  for (let i = 0; i < rows; i++) d[i * columns] = i;
  for (let j = 0; j < columns; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * columns + j] + 1, d[i * columns + j - 1] + 1, d[(i - 1) * columns + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * columns + j - 2] + 1);
      d[i * columns + j] = value;
    }
  }
  return d[rows * columns - 1];
}

export interface Suggestion {
  /** `"; did you mean 'x'?"` to end a message with, or an empty string. */
  readonly tail: string;
  /** Replacing the misspelt word at its range with the name, when there is one. */
  readonly fix: Fix | undefined;
}

/** What to say and offer for the misspelt `word` standing at `range`. */
export function didYouMean(word: string, candidates: readonly string[], range: Range): Suggestion {
  const name = nearestName(word, candidates);
  if (name === null) return { tail: '', fix: undefined };
  return { tail: `; did you mean '${name}'?`, fix: { title: `Change to '${name}'`, range, newText: name } };
}
