import { workload } from '../../core/model/workload';
import { readSizes } from '../../core/parser/sizes';

/**
 * Where one version of a spec is analysed: on the extension host's own thread, synchronously,
 * or in the analysis worker (see worker/). Only an analysis that is provably cheap stays on the
 * main thread, because there it blocks every other extension and every hover; everything else
 * goes to the worker, whose answer arrives later.
 *
 * "Provably cheap" is decided from the text before anything is parsed in full:
 * 1. its length (parsing is linear in it): at most INLINE_MAX_TEXT characters, and no `data`
 *    line that reads a file (core/data/files.ts): files are read only in the worker;
 * 2. then, from the layer sizes and the number of examples read off that short text
 *    (core/parser/sizes.ts), the analysis' workload (core/model/workload.ts): at most
 *    INLINE_MAX_MULTIPLY_ADDS multiply-adds and INLINE_MAX_BYTES bytes. The bytes bound the
 *    weights the parser initialises from the seed, which a short text can ask millions of.
 * At each bound parse and engine together take about half a millisecond, a millisecond on a busy
 * machine (`npm run bench analysis` times the spec at each bound): most of it is the engine's
 * fresh workspace, which every new version needs. Every example file and every spec the tests
 * type is far inside.
 */
export type Placement = 'inline' | 'worker';

/** The longest text analysed inline: 4 KiB, a few hundred numbers (a 4-8-4 network with 80 examples). */
export const INLINE_MAX_TEXT = 4 * 1024;

/** The most multiply-adds (model/workload.ts) of an inline analysis: a 10-30-10 network with 20 examples. */
export const INLINE_MAX_MULTIPLY_ADDS = 50_000;

/**
 * The most bytes (model/workload.ts) of an inline analysis. The estimate includes a fixed
 * 1 MiB of slack, so this leaves 128 KiB, about 16,000 doubles, for the parameters (counted
 * four times) and the per-example values: a seeded 1-59-59-1 network with one example.
 */
export const INLINE_MAX_BYTES = 1.125 * 2 ** 20;

/**
 * Where to analyse a text of `length` characters. `text` is called only for a short one, so a
 * long document's text is never built on the main thread just to be sent away.
 */
export function placementOf(length: number, text: () => string): Placement {
  if (length > INLINE_MAX_TEXT) return 'worker';
  const { sizes, examples, readsFiles } = readSizes(text());
  // Data files are read only in the worker: reading one is I/O of unknown size and time.
  if (readsFiles) return 'worker';
  // Without every size, or without a layer 1, the spec has an error: it is parsed, never
  // assembled or run, so it is cheap. Without examples it is still assembled (seeded weights).
  if (sizes === null || sizes.length < 2) return 'inline';
  const { multiplyAdds, bytes } = workload(sizes, examples);
  return multiplyAdds <= INLINE_MAX_MULTIPLY_ADDS && bytes <= INLINE_MAX_BYTES ? 'inline' : 'worker';
}
