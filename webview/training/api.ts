/**
 * The Training panel's one handle on VS Code: postMessage to the extension (typed by the shared
 * protocol, src/shared/trainingMessages.ts) and a small state that survives the panel being
 * hidden or the window reloaded: the reader's choice of linear or log scale, the step the
 * scrubber rests on (VS Code discards a hidden panel's page, and Step through hides it), and the
 * spec the panel trains, by which the extension restores the panel after a window reload.
 */
import type { TrainingToExtension } from '../../src/shared/trainingMessages';
import type { YScale } from './scale';

export interface TrainingState {
  readonly scale: YScale;
  /** The run the page last showed and the step its scrubber rested on, or null while it followed the run. */
  readonly runId: number | null;
  readonly step: number | null;
  /** The URI (a string) of the spec the page shows, or null before its first run. */
  readonly uri: string | null;
}

interface VsCodeApi {
  postMessage(message: TrainingToExtension): void;
  setState(state: TrainingState): void;
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi may be called only once per page. */
let api: VsCodeApi | null = null;

export function trainingApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}

/** The kept state, or the default when there is none or it is not ours. */
export function keptState(value: unknown): TrainingState {
  const kept = (typeof value === 'object' && value !== null ? value : {}) as { scale?: unknown; runId?: unknown; step?: unknown; uri?: unknown };
  const whole = (n: unknown): number | null => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : null);
  return { scale: kept.scale === 'log' ? 'log' : 'linear', runId: whole(kept.runId), step: whole(kept.step), uri: typeof kept.uri === 'string' ? kept.uri : null };
}
