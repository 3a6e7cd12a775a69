import type { FunctionWriter, Local } from './binary';

/**
 * The walk along one row's columns from … to − 1 that the descent and δ kernels share: pairs of
 * columns as f64x2 while two are left, then the odd last one alone. `at` (set by the caller to
 * the row's byte offset at column `from`) and `column` (the byte offset of column `from` in a
 * one-row array, as squares or gb) move along together; `update(pair)` does one element or pair
 * at them.
 */
export interface RowColumns {
  readonly at: Local;
  readonly column: Local;
  readonly from: Local;
  readonly to: Local;
}

/** The two locals the walk sets (the caller may use them between walks): where the pairs and the row end. */
export interface RowEnds {
  readonly pairsEnd: Local;
  readonly rowEnd: Local;
}

export function rowColumns(f: FunctionWriter, { at, column, from, to }: RowColumns, { pairsEnd, rowEnd }: RowEnds, update: (pair: boolean) => void): void {
  f.get(at).get(to).get(from).i32Sub().i32Const(3).i32Shl().i32Add().set(rowEnd);
  f.get(rowEnd).get(to).get(from).i32Sub().i32Const(1).i32And().i32Const(3).i32Shl().i32Sub().set(pairsEnd);
  f.get(from).i32Const(3).i32Shl().set(column);
  f.whileNot(
    () => f.get(at).get(pairsEnd).i32GeS(),
    () => {
      update(true);
      f.increment(at, 16);
      f.increment(column, 16);
    },
  );
  f.get(at).get(rowEnd).i32LtS().if();
  update(false);
  f.end();
}
