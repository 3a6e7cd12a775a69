import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { EditorState } from './editorState';

/**
 * The EditorState of a document, read from the shared services: the analysis of its current
 * version (computed once, whoever asks first), the learner's stepping position there, and the
 * digits and weight-order settings. Providers call this on every request; it never parses or runs the engine
 * for a version that has already been analysed.
 */
export function editorStateOf(services: Services, document: vscode.TextDocument): EditorState {
  return {
    uri: document.uri.toString(),
    analysis: services.analyses.get(document),
    position: services.positions.get(document),
    digits: services.settings.current.significantDigits,
    weightOrder: services.settings.current.weightOrder,
    exercising: services.exerciseMode.isAsking(document.uri),
  };
}
