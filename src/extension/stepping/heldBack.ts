import { isReached } from '../../core/stepping/snapshot';
import type { StepAddress, Trace } from '../../core/trace/types';

/**
 * The rule the editor's content builders (hovers, lenses, inlay hints) apply during an exercise
 * (exerciseMode.ts). Free of `vscode`, like those builders, so it is unit-tested with them.
 */

/**
 * Whether an editor feature must hold back the number of `address`: an exercise is asking on
 * the spec and the stepping (at `step` of `trace`) has not reached it. Without a trace nothing
 * is known, so everything is held back.
 */
export function heldBack(exercising: boolean | undefined, trace: Pick<Trace, 'indexOf'> | null, step: number, address: StepAddress): boolean {
  return !!exercising && !(trace && isReached(trace, step, address));
}
