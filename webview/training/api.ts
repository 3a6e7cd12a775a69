/**
 * The Training panel's one handle on VS Code: postMessage to the extension (typed by the shared
 * protocol, src/shared/trainingMessages.ts) and a small state that survives the panel being
 * hidden or the window reloaded — here only the reader's choice of linear or log scale.
 */
import type { TrainingToExtension } from '../../src/shared/trainingMessages';
import type { YScale } from './scale';

export interface TrainingState {
  readonly scale: YScale;
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
  const scale = typeof value === 'object' && value !== null ? (value as { scale?: unknown }).scale : undefined;
  return { scale: scale === 'log' ? 'log' : 'linear' };
}
