import type { AnalysedSpec } from '../core/debug/loadedSpec';
import type { SpecEdit } from '../core/debug/types';

/**
 * How a debug session gets at the text of the spec it debugs. The session never touches files
 * itself: inside VS Code the host hands it the live editor buffer (unsaved edits included) and
 * applies edits as one undoable change; `nnet dap` reads and writes the file on disk
 * (fileSpecReader.ts). Tests can hand it any text.
 *
 * Every method names the spec by the session's program: an absolute file path, or inside VS Code
 * the URI of a document that is no file (specProgram.ts), which only the editor's reader can read.
 */
export interface SpecReader {
  /** The current text of the spec at `path`; rejects (with a Node error's `code`, when there is one) if it cannot be read. */
  read(path: string): Promise<string>;
  /**
   * Applies one edit (0-based range, as the runtime gives it) to the spec at `path`, as a single
   * undoable change where the host has undo. Resolves false when the edit was refused. Absent
   * when this host cannot edit specs: setVariable is then refused with a message.
   */
  write?(path: string, edit: SpecEdit): Promise<boolean>;
  /**
   * Calls `onChange` whenever the spec at `path` may have changed (several calls per change are
   * fine: the session debounces them and ignores a text it already has). Absent when the host
   * cannot tell.
   */
  watch?(path: string, onChange: () => void): Disposable;
  /**
   * Calls `onChange` whenever a data file that the spec at `path` reads (a `data "FILE.csv"`
   * line, as its last analysis found) may have changed: the spec's text is then the same, but its
   * examples may not be, so the session loads it again all the same. Absent when the host cannot
   * tell.
   */
  watchData?(path: string, onChange: () => void): Disposable;
  /**
   * The spec at `path` as the host has already analysed it (parse and engine result) for exactly
   * `text`, or null when it has not. Inside VS Code the analysis worker did that work, so the
   * session never runs the engine on the editor's thread; absent, the session analyses the text.
   */
  analyse?(path: string, text: string): Promise<AnalysedSpec | null>;
}

/** Something to release: a watcher, a listener. Structurally the same as vscode.Disposable. */
export interface Disposable {
  dispose(): void;
}
