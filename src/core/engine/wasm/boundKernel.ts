import { activateRows, ACTIVATION_ROWS } from '../activationRows';
import { DELTA_COLUMNS } from '../deltaSums';
import { blockedColumns, type ColumnsMultiply, type Pack, type PackedMultiply } from './blocking';
import { deltaIn, type DeltaKernel } from './deltaKernel';
import { descendIn, type DescendKernel } from './descentKernel';
import type { ReluKernel } from './reluKernel';
import type { SigmoidKernel } from './sigmoidKernel';

/**
 * One thread's instance of the kernel, bound to the workspace's memory: the work of every kind
 * of job (parallel.ts) for a range of its columns (of its rows, for an activation). The calling
 * thread and each helper thread bind their own, each with its own scratch area for packing.
 */
export interface BoundKernel {
  /** A product (runtime.ts, Multiply) for the columns from … to − 1 of C. */
  readonly columns: ColumnsMultiply;
  /** A layer's descent step (engine/descent.ts, descentArguments). */
  readonly descend: Range;
  /** δ and Σ_i δ (engine/deltaSums.ts, deltaArguments). */
  readonly delta: Range;
  /** A layer's activation (engine/activationRows.ts, activationArguments), by rows. */
  readonly activate: Range;
}
type Range = (args: ArrayLike<number>, from: number, to: number) => void;

/** Binds an instance's `exports` (on the memory `buffer` is) with its packing scratch at byte `scratch` (blocking.ts, SCRATCH_BYTES). */
export function bindKernel(exports: Record<string, unknown>, buffer: ArrayBuffer, scratch: number): BoundKernel {
  const numbers = new Float64Array(buffer);
  const activations = { sigmoid: exports.sigmoid as SigmoidKernel, relu: exports.relu as ReluKernel };
  return {
    columns: blockedColumns(exports.multiply as PackedMultiply, exports.pack as Pack, scratch),
    descend: descendIn(exports.descend as DescendKernel),
    delta: deltaIn(exports.delta as DeltaKernel),
    activate: (args, from, to) => activateRows(numbers, args, from, to, activations),
  };
}

/** Where each job kind's count of columns (rows, for ACTIVATE) is in its arguments. */
export const COUNT_AT = { descend: 6, delta: DELTA_COLUMNS, activate: ACTIVATION_ROWS } as const;
