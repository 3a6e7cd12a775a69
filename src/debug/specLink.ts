import type { DebugProtocol } from '@vscode/debugprotocol';
import type { AnalysedSpec } from '../core/debug/loadedSpec';
import type { DebugRuntime } from '../core/debug/runtime';
import type { SpecEdit } from '../core/debug/types';
import type { Diagnostic } from '../core/diagnostics';
import { problemLine } from './protocolShapes';
import type { Disposable, SpecReader } from './specReader';
import { isDocumentUri, isProgramSource, programName } from './specProgram';

/** How long the spec must stay unchanged before the session recomputes, in milliseconds. */
const RELOAD_DELAY_MS = 150;

/**
 * The session's hold on its spec's text: reads it through the host's SpecReader, loads each new
 * version into the runtime, reports the problems and what changed in the Debug Console, and
 * follows edits (debounced; a text it already has is ignored, so one edit announced twice — by
 * setVariable and by the host's watcher — recomputes once) and changes of the data files the
 * spec reads (which leave its text as it was, so they always recompute).
 */
export class SpecLink {
  /** True while the spec has errors: the runtime has no numbers. */
  blocked = false;
  problems: readonly Diagnostic[] = [];
  private text: string | null = null;
  /** The host's analysis of that text, when the host analyses (SpecReader.analyse). */
  private analysed: AnalysedSpec | null = null;
  private watchers: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A data file changed since the last load: load again even if the text did not change. */
  private dataChanged = false;
  private onReload: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly reader: SpecReader,
    /** The spec's absolute path, or the URI of a document that is no file (specProgram.ts). */
    readonly program: string,
    private readonly runtime: DebugRuntime,
    private readonly console: (line: string) => void,
  ) {}

  /** Reads and loads the first version. Rejects with a sentence when the spec cannot be read. */
  async open(): Promise<void> {
    await this.load(await this.read(), true);
  }

  /** Whether `source` (from the client) is this spec. */
  isProgram(source: DebugProtocol.Source | undefined): boolean {
    return isProgramSource(this.program, source);
  }

  /** The text of the version loaded last (what the session debugs); null before the first. */
  get loadedText(): string | null {
    return this.text;
  }

  /** Where a problem line names the spec: a file by its path (terminals link it), a document that is no file by its name. */
  get label(): string {
    return isDocumentUri(this.program) ? programName(this.program) : this.program;
  }

  get canWrite(): boolean {
    return this.reader.write !== undefined;
  }

  write(edit: SpecEdit): Promise<boolean> {
    return this.reader.write!(this.program, edit);
  }

  /** From now on, recompute after each edit of the spec or change of a data file it reads, and then call `onReload`. */
  follow(onReload: () => void): void {
    this.onReload = onReload;
    const text = this.reader.watch?.(this.program, () => this.schedule(false));
    const data = this.reader.watchData?.(this.program, () => this.schedule(true));
    this.watchers = [text, data].filter((watcher) => watcher !== undefined);
  }

  /** Reads the spec now and, if it changed, loads it and calls the `follow` callback. Never rejects. */
  reload(): Promise<void> {
    // One at a time: two reads racing would both see a new text and load it twice.
    this.queue = this.queue.then(() => this.reloadNow());
    return this.queue;
  }

  private async reloadNow(): Promise<void> {
    try {
      const text = await this.read();
      const dataChanged = this.dataChanged;
      this.dataChanged = false;
      if (text === this.text && !dataChanged) return;
      if (await this.load(text, false)) this.onReload?.();
    } catch (error) {
      this.console(error instanceof Error ? error.message : String(error));
    }
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    this.onReload = null;
  }

  private schedule(dataChanged: boolean): void {
    this.dataChanged ||= dataChanged;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, RELOAD_DELAY_MS);
  }

  private async read(): Promise<string> {
    try {
      return await this.reader.read(this.program);
    } catch (error) {
      throw new Error(`Cannot read the spec '${this.label}': ${readReason(error)}.`);
    }
  }

  /**
   * Loads a version; its errors go to the Debug Console (warnings only the first time, not on
   * every edit). False when there was nothing new to load: the text loaded last, analysed as the
   * host had already analysed it (a notice of a new analysis that brought nothing new).
   */
  private async load(text: string, first: boolean): Promise<boolean> {
    let analysed = (await this.reader.analyse?.(this.program, text)) ?? null;
    if (analysed === null && this.reader.analyse) {
      // The text moved on while the host analysed it: take the newest text and its analysis,
      // rather than analysing here (inside VS Code, on the editor's thread).
      text = await this.read();
      analysed = await this.reader.analyse(this.program, text);
    }
    const same = analysed !== null && text === this.text && analysed.source === this.analysed?.source && analysed.engine === this.analysed.engine;
    if (same) return false;
    this.analysed = analysed;
    const result = analysed ? this.runtime.loadAnalysed(analysed) : this.runtime.load(text);
    this.text = text;
    this.blocked = result.blocked;
    this.problems = result.problems;
    for (const change of result.changes) this.console(change);
    for (const problem of result.problems) if (result.blocked || first) this.console(problemLine(this.label, problem));
    return true;
  }
}

function readReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
