import { statSync } from 'node:fs';
import type { Disposable } from './specReader';

/**
 * A set of files polled for changes, which can be changed as it goes: the spec a `nnet dap`
 * session debugs and the data files it reads, which its next version may name differently.
 *
 * Polled rather than watched with fs.watch: editors that save by writing a new file and renaming
 * it over the old one (Vim, many others) leave an fs.watch watcher on a file that no longer
 * exists, and a file that does not exist yet cannot be watched at all. Each file is compared with
 * a stamp of our own, taken when its contents were read (`seen`) or when polling it began, rather
 * than with fs.watchFile's first look, which may come after a save it would then never report.
 */

/** How often the files are looked at, in milliseconds. */
export const POLL_MS = 250;

export class PolledFiles implements Disposable {
  /** Each file polled, with its stamp at the last look. */
  private readonly stamps = new Map<string, string>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly onChange: (path: string) => void) {}

  /**
   * Polls exactly `paths` from now on: new ones start, ones no longer listed stop. `seen` holds
   * a file's stamp (fileStamp) from when its contents were read: a file saved since then is
   * reported at the next look.
   */
  set(paths: Iterable<string>, seen?: ReadonlyMap<string, string>): void {
    const wanted = new Set(paths);
    for (const path of [...this.stamps.keys()]) if (!wanted.has(path)) this.stamps.delete(path);
    for (const path of wanted) if (!this.stamps.has(path)) this.stamps.set(path, seen?.get(path) ?? fileStamp(path));
    if (this.stamps.size > 0 && this.timer === null) {
      this.timer = setInterval(() => this.look(), POLL_MS);
      // Polling alone never keeps the process alive.
      this.timer.unref?.();
    } else if (this.stamps.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  dispose(): void {
    this.set([]);
  }

  private look(): void {
    for (const [path, before] of this.stamps) {
      const now = fileStamp(path);
      if (now === before) continue;
      this.stamps.set(path, now);
      this.onChange(path);
    }
  }
}

/** What polling compares of a file: its modification time and size, or 'missing'. */
export function fileStamp(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return 'missing';
  }
}
