import { resolve } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';

/**
 * The launch configuration of debug type `nnet`:
 *   { "type": "nnet", "request": "launch", "program": "<path of the .nnet file>", "stopOnEntry": true, "example": 1 }
 * The package.json schema of the extension and the README's nvim-dap example describe the same fields.
 */
export interface NnetLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** The spec to debug (a path relative to the adapter's working directory is made absolute). */
  program: string;
  /** Stop before the first step (default true); false runs to the first breakpoint or failure, or the end. */
  stopOnEntry?: boolean;
  /** The training example (thread) to step, 1-based as in the notation (default 1). */
  example?: number;
}

/** What launch settles on: the arguments checked, with their defaults filled in. */
export interface LaunchPlan {
  /** Absolute. */
  readonly program: string;
  readonly stopOnEntry: boolean;
  readonly example: number;
  /** Run (Ctrl+F5): go through to the end, printing the worked solution, then end the session. */
  readonly noDebug: boolean;
}

/** The launch plan, or a sentence saying which argument is wrong and how. */
export function launchPlan(args: Partial<NnetLaunchArguments>): LaunchPlan | string {
  const { program, stopOnEntry = true, example = 1, noDebug = false } = args;
  if (typeof program !== 'string' || program.trim() === '') return 'The launch configuration needs "program": the path of the .nnet spec to debug.';
  if (typeof stopOnEntry !== 'boolean') return '"stopOnEntry" must be true or false.';
  if (typeof example !== 'number' || !Number.isInteger(example) || example < 1) return '"example" must be a whole number from 1: the training example to step.';
  // Absolute, so the client finds the spec whatever its working directory.
  return { program: resolve(program), stopOnEntry, example, noDebug: noDebug === true };
}
