/**
 * The messages between the extension host and the Check Gradients panel (webview/gradientCheck/),
 * one discriminated union per direction, imported as types on both ends of `postMessage`.
 *
 * Conversation: the page posts `ready` (again whenever VS Code reloads a hidden page); the
 * extension answers with the newest `state`: checking (with how far it is), the finished
 * report, or why there is none. The page posts `reveal` when a row is chosen, and the extension
 * selects that parameter's number in the spec. The page computes nothing: every number arrives
 * in the report (core/gradientCheck/report.ts), worked out in the worker.
 */
import type { CheckReport } from '../core/gradientCheck/report';
import type { ParameterKind } from '../core/engine/parameterProbe';

export type { CheckReport, CheckRow } from '../core/gradientCheck/report';

export type GradientCheckState =
  /** The worker is probing: `done` of `planned` parameters (planned is 0 until the plan is known). */
  | { readonly phase: 'checking'; readonly done: number; readonly planned: number }
  | { readonly phase: 'finished'; readonly report: CheckReport }
  /** Cancelled, refused or failed: `message` says so in words. */
  | { readonly phase: 'stopped'; readonly message: string };

/** Extension → page. */
export interface GradientCheckUpdate {
  readonly type: 'state';
  /** The spec's file name, for the heading. */
  readonly fileName: string;
  readonly state: GradientCheckState;
}

export type ExtensionToGradientCheck = GradientCheckUpdate;

/** Page → extension. */
export type GradientCheckToExtension =
  | { readonly type: 'ready' }
  /** Select this parameter's number in the spec (0-based index into Layer.weights or Layer.biases). */
  | { readonly type: 'reveal'; readonly kind: ParameterKind; readonly layer: number; readonly index: number };

/** Messages from the page are input: a known type, whole non-negative numbers. */
export function isGradientCheckMessage(value: unknown): value is GradientCheckToExtension {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; kind?: unknown; layer?: unknown; index?: unknown };
  if (message.type === 'ready') return true;
  return message.type === 'reveal' && (message.kind === 'w' || message.kind === 'b') && [message.layer, message.index].every((n) => Number.isInteger(n) && (n as number) >= 0);
}
