import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/diagnostics';
import type { Position, Range } from '../core/text/range';

/**
 * Conversions between the core's plain positions and VS Code's classes. Both count lines and
 * UTF-16 columns from 0, so these only change the representation, never the numbers.
 */
export function toVscodePosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromVscodePosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function fromVscodeRange(range: vscode.Range): Range {
  return { start: fromVscodePosition(range.start), end: fromVscodePosition(range.end) };
}

export function toVscodeSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
  }
}

/** The source shown beside every problem in the Problems view. */
export const DIAGNOSTIC_SOURCE = 'nnet';

export function toVscodeDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  const converted = new vscode.Diagnostic(toVscodeRange(diagnostic.range), diagnostic.message, toVscodeSeverity(diagnostic.severity));
  converted.source = DIAGNOSTIC_SOURCE;
  converted.code = diagnostic.code;
  return converted;
}
