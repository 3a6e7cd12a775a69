/**
 * The one object VS Code gives a webview: postMessage to the extension and a small state that
 * survives the panel being hidden, moved or the window reloaded (the panel does not use
 * retainContextWhenHidden, so this state is what brings it back to the same place).
 */
import type { PanelState, PanelToExtension } from '../src/shared/panelMessages';

interface VsCodeApi {
  postMessage(message: PanelToExtension): void;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi may be called only once per page; this keeps the single instance. */
let api: VsCodeApi | null = null;

export function vscodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}
