import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { analyseSpecText } from '../core/debug/loadedSpec';
import { applyEdits } from '../core/edit/gradientStep';
import { nodeDataFiles } from '../node/dataFiles';
import type { SpecEdit } from '../core/debug/types';
import type { Disposable, SpecReader } from './specReader';

/**
 * The SpecReader of `nnet dap`: the spec is the file on disk. Another editor driving the adapter
 * saves the file to show the session an edit, and setVariable writes the edited number back into
 * the file (the rest of the text, its layout and comments untouched).
 */

/** How often the file's modification time is polled, in milliseconds. */
const POLL_MS = 250;

export function fileSpecReader(): SpecReader {
  return {
    read: (path) => readFile(path, 'utf8'),

    // The spec's data files are read beside it, as `nnet check` reads them.
    analyse: async (path, text) => analyseSpecText(text, nodeDataFiles({ specPath: path })),

    async write(path: string, edit: SpecEdit): Promise<boolean> {
      const before = await readFile(path, 'utf8');
      const after = applyEdits(before, [{ range: edit.range, newText: edit.text }]);
      await writeFile(path, after, 'utf8');
      return true;
    },

    // Polled rather than fs.watch: editors that save by writing a new file and renaming it over
    // the old one (Vim, many others) leave an fs.watch watcher on a file that no longer exists.
    watch(path: string, onChange: () => void): Disposable {
      const listener = (current: Stats, previous: Stats) => {
        if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) onChange();
      };
      watchFile(path, { interval: POLL_MS, persistent: false }, listener);
      return { dispose: () => unwatchFile(path, listener) };
    },
  };
}
