import { MAX_EXAMPLE_NUMBERS } from '../model/limits';
import { NumberStore } from './numbers';
import { readSpec } from './read';
import { Reporter } from './reporter';

/** The shape of the network a spec describes, as far as the reading pass alone can tell. */
export interface SpecSizes {
  /** n_0 … n_L, as written; null when some layer's size cannot be read (the spec then has an error). */
  readonly sizes: readonly number[] | null;
  /** The number of `example` lines read (the reading stops counting past the example limit). */
  readonly examples: number;
  /**
   * Whether some `data` line reads a file: its examples are unknown until the file is read, so
   * `examples` counts none of them, and a host must parse the spec where files can be read.
   */
  readonly readsFiles: boolean;
}

/**
 * Reads only the layer sizes and the number of examples of a spec: the reading pass of
 * parseSpec (linear in the text, see read.ts) without its checks and without assembling the
 * network. Assembling initialises every weight a layer leaves to the seed, so a 170-character
 * spec can ask for two million of them; this tells what an analysis would cost
 * (model/workload.ts) before paying for any of it.
 */
export function readSizes(text: string): SpecSizes {
  // Problems are the full parse's to report: a few are enough to keep here.
  const draft = readSpec(text, new NumberStore(text.length), new Reporter(1), MAX_EXAMPLE_NUMBERS);
  const sizes: number[] = [];
  const examples = draft.examples.length + draft.generatedCount;
  const readsFiles = draft.csvLines > 0;
  for (const layer of draft.layers) {
    if (layer.size === null) return { sizes: null, examples, readsFiles };
    sizes.push(layer.size);
  }
  return { sizes, examples, readsFiles };
}
