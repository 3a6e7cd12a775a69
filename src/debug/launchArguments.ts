import type { DebugProtocol } from '@vscode/debugprotocol';
import { normalProgram } from './specProgram';

/**
 * The launch configuration of debug type `nnet`:
 *   { "type": "nnet", "request": "launch", "program": "<path of the .nnet file>", "stopOnEntry": true, "example": 1 }
 * The package.json schema of the extension and the README's nvim-dap example describe the same fields.
 */
export interface NnetLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /**
   * The spec to debug: a file path (one relative to the adapter's working directory is made
   * absolute) or a `file:` URI; inside VS Code also the URI of a document that is no file (a
   * training step's copy, see specProgram.ts).
   */
  program: string;
  /** Stop before the first step (default true); false runs to the first breakpoint or failure, or the end. */
  stopOnEntry?: boolean;
  /** The training example (thread) to step, 1-based as in the notation (default 1). */
  example?: number;
}

/** What launch settles on: the arguments checked, with their defaults filled in. */
export interface LaunchPlan {
  /** An absolute path, or the URI of a document that is no file (specProgram.ts). */
  readonly program: string;
  readonly stopOnEntry: boolean;
  readonly example: number;
  /** Run (Ctrl+F5): go through to the end, printing the worked solution, then end the session. */
  readonly noDebug: boolean;
}

/** The launch plan, or a sentence saying which argument is wrong and how. */
export function launchPlan(args: Partial<NnetLaunchArguments>): LaunchPlan | string {
  const { program, stopOnEntry = true, example = 1, noDebug = false } = args;
  if (typeof program !== 'string' || program.trim() === '') return 'The launch configuration needs "program": the path (or URI) of the .nnet spec to debug.';
  if (typeof stopOnEntry !== 'boolean') return '"stopOnEntry" must be true or false.';
  if (typeof example !== 'number' || !Number.isInteger(example) || example < 1) return '"example" must be a whole number from 1: the training example to step.';
  // Absolute, so the client finds the spec whatever its working directory.
  const normal = normalProgram(program);
  if (typeof normal !== 'string') return normal.error;
  return { program: normal, stopOnEntry, example, noDebug: noDebug === true };
}
