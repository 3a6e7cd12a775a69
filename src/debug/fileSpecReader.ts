import { readFile, writeFile } from 'node:fs/promises';
import { analyseSpecText, type AnalysedSpec } from '../core/debug/loadedSpec';
import { applyEdits } from '../core/edit/gradientStep';
import { nodeDataFiles } from '../node/dataFiles';
import type { SpecEdit } from '../core/debug/types';
import { fileStamp, PolledFiles } from './polledFiles';
import type { Disposable, SpecReader } from './specReader';

/**
 * The SpecReader of `nnet dap`: the spec is the file on disk. Another editor driving the adapter
 * saves the file to show the session an edit, and setVariable writes the edited number back into
 * the file (the rest of the text, its layout and comments untouched). The CSV files the spec
 * reads are followed too: a file saved anew reloads the session, the spec's text unchanged.
 */
export function fileSpecReader(): SpecReader {
  /** Each spec's data files as its last analysis read them: their absolute paths, with their stamps then. */
  const dataOf = new Map<string, Map<string, string>>();
  /** The data files followed for each spec a session follows. */
  const following = new Map<string, PolledFiles>();
  /** Each spec's stamp, taken just before its text was last read. */
  const specStamps = new Map<string, string>();
  return {
    async read(path) {
      // Taken before reading: a save in between makes the session read the file once more, not miss it.
      const stamp = fileStamp(path);
      const text = await readFile(path, 'utf8');
      specStamps.set(path, stamp);
      return text;
    },

    // The spec's data files are read beside it, as `nnet check` reads them.
    async analyse(path, text) {
      const analysed = analyseSpecText(text, nodeDataFiles({ specPath: path }));
      const read = new Map(dataFilesOf(analysed).map((file) => [file, fileStamp(file)]));
      dataOf.set(path, read);
      following.get(path)?.set(read.keys(), read);
      return analysed;
    },

    async write(path: string, edit: SpecEdit): Promise<boolean> {
      const before = await readFile(path, 'utf8');
      const after = applyEdits(before, [{ range: edit.range, newText: edit.text }]);
      await writeFile(path, after, 'utf8');
      return true;
    },

    watch(path: string, onChange: () => void): Disposable {
      const polled = new PolledFiles(onChange);
      // A save since the session read the spec (while it started) counts as a change.
      polled.set([path], specStamps);
      return polled;
    },

    watchData(path: string, onChange: () => void): Disposable {
      const polled = new PolledFiles(onChange);
      const read = dataOf.get(path);
      // A file saved since the analysis read it (while the session started) counts as a change.
      polled.set(read?.keys() ?? [], read);
      following.set(path, polled);
      return {
        dispose() {
          polled.dispose();
          if (following.get(path) === polled) following.delete(path);
        },
      };
    },
  };
}

/** The absolute paths of the CSV files an analysis read, or tried to (a missing one is followed until it appears). */
function dataFilesOf(analysed: AnalysedSpec): string[] {
  return (analysed.source.dataSets ?? []).flatMap((set) => (set.kind === 'csv' && set.id !== null ? [set.id] : []));
}
