import type { DebugProtocol } from '@vscode/debugprotocol';
import type { BreakpointInfo, FrameInfo, ScopeInfo, TargetInfo, VariableInfo } from '../core/debug/types';
import type { Diagnostic } from '../core/diagnostics';
import type { Range } from '../core/text/range';

/**
 * The runtime's answers in the shapes of the Debug Adapter Protocol. The runtime counts lines and
 * columns from 0, as the whole core does; the client says in `initialize` whether it counts from
 * 1, and `ClientPlaces` (the session's convertDebugger…ToClient) does that conversion, so nothing
 * here knows which the client chose. Ranges are half-open in both: a frame's endColumn is just
 * past the number it points at, so the client highlights exactly that number.
 */
export interface ClientPlaces {
  line(line: number): number;
  column(column: number): number;
  /** The spec as a protocol Source. */
  readonly source: DebugProtocol.Source;
}

/** line, column, endLine and endColumn of `range` in the client's numbering. */
export function clientRange(places: ClientPlaces, range: Range) {
  return {
    line: places.line(range.start.line),
    column: places.column(range.start.character),
    endLine: places.line(range.end.line),
    endColumn: places.column(range.end.character),
  };
}

/** A frame with its place in the spec; a frame with no place (a mean) gets line 0 and no source. */
export function stackFrame(places: ClientPlaces, frame: FrameInfo): DebugProtocol.StackFrame {
  if (frame.range === null) return { id: frame.id, name: frame.name, line: 0, column: 0, presentationHint: 'subtle' };
  return { id: frame.id, name: frame.name, source: places.source, ...clientRange(places, frame.range) };
}

export function scope(places: ClientPlaces, info: ScopeInfo): DebugProtocol.Scope {
  return {
    name: info.name,
    variablesReference: info.variablesReference,
    expensive: info.expensive,
    ...(info.namedVariables !== undefined ? { namedVariables: info.namedVariables } : {}),
    ...(info.indexedVariables !== undefined ? { indexedVariables: info.indexedVariables } : {}),
    ...(info.range ? { source: places.source, ...clientRange(places, info.range) } : {}),
  };
}

/** Whether a variable's value is one number as the runtime writes them (0.5, −0.25, 1.5×10⁻⁷, ∞). */
function isNumberText(value: string): boolean {
  return /^[−-]?(\d+(\.\d+)?(×10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|∞)$/.test(value);
}

export function variable(info: VariableInfo): DebugProtocol.Variable {
  return {
    name: info.name,
    value: info.value,
    variablesReference: info.variablesReference,
    ...(info.namedVariables !== undefined ? { namedVariables: info.namedVariables } : {}),
    ...(info.indexedVariables !== undefined ? { indexedVariables: info.indexedVariables } : {}),
    ...(info.evaluateName !== undefined ? { evaluateName: info.evaluateName } : {}),
    // A number written with the notation's minus sign (−) is still a number: the type lets the
    // client colour it as one, as it does those it can parse itself.
    ...(isNumberText(info.value) ? { type: 'number' } : {}),
    // A spec number may be set; a computed quantity may not, and the client shows it read-only.
    presentationHint: info.editable ? { kind: 'data' } : { kind: 'data', attributes: ['readOnly'] },
  };
}

export function breakpoint(places: ClientPlaces, info: BreakpointInfo): DebugProtocol.Breakpoint {
  return {
    id: info.id,
    verified: info.verified,
    ...(info.message !== undefined ? { message: info.message } : {}),
    source: places.source,
    line: places.line(info.line),
    ...(info.column !== undefined ? { column: places.column(info.column) } : {}),
    ...(info.endLine !== undefined ? { endLine: places.line(info.endLine) } : {}),
    ...(info.endColumn !== undefined ? { endColumn: places.column(info.endColumn) } : {}),
  };
}

/** A step-in or goto target, with the spec text it stands for when it has one. */
export function target(places: ClientPlaces, info: TargetInfo): DebugProtocol.StepInTarget {
  return { id: info.id, label: info.label, ...(info.range ? clientRange(places, info.range) : {}) };
}

/** A problem of the spec as editors and CI print one: `path:line:col: error: message` (always 1-based, as a person reads it). */
export function problemLine(path: string, problem: Diagnostic): string {
  const { line, character } = problem.range.start;
  return `${path}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message}`;
}

