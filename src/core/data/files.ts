/**
 * How the parser reaches the data files a spec names (`data "iris.csv" x 1-4 y 5`). The core
 * reads no files itself (it runs in the browser too): each host passes a DataFiles that reads
 * them its own way — the CLI and the analysis worker from disk (src/node/dataFiles.ts), the
 * worker with the text of CSV files open in the editor laid over the disk.
 *
 * `read` is synchronous because parseSpec is: a host that reads files runs the parse off the
 * editor's thread (the extension sends every spec with a data file to its worker).
 */

/** The largest data file read: 64 MiB. A host checks the size before reading a byte. */
export const MAX_DATA_FILE_BYTES = 64 * 2 ** 20;

export type DataFileRead =
  /** The file's text, decoded from UTF-8 (a byte-order mark is left for the CSV reader to skip). */
  | { readonly kind: 'text'; readonly text: string; readonly id: string }
  /**
   * The file could not be read. `message` says why in plain words, naming the file as the spec
   * writes it, without a final full stop: "cannot find `iris.csv` in the spec's folder".
   * `id` is the host's name for the file when it got that far (to watch it for changes).
   */
  | { readonly kind: 'problem'; readonly message: string; readonly id: string | null };

export interface DataFiles {
  /**
   * Reads the file at `path` as the spec writes it: relative to the spec's folder, or
   * absolute. `id` in the answer is the host's name for it (an absolute path, a URI), the same
   * for the same file however the spec spells it. Never throws.
   */
  read(path: string): DataFileRead;
}

/** The host of a spec that has no folder (an unsaved editor, a string in a test): every read fails. */
export const NO_DATA_FILES: DataFiles = {
  read: (path) => ({ kind: 'problem', id: null, message: `cannot read \`${path}\`: a data file is found relative to the spec's folder, and this spec is not saved in one` }),
};
