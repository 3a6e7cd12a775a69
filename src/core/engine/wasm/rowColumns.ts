import { ValType, type FunctionWriter, type Local } from './binary';

/**
 * The kernels' shared walks. `rowColumns`: the walk along one row's columns from … to − 1 that the descent and δ kernels share: pairs of
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

/** A walk over `count` numbers (even) of element-wise arrays, 16 bytes a turn; `body` gets the byte offset. */
export function pairs(f: FunctionWriter, count: Local, body: (at: Local) => void): void {
  const at = f.local(ValType.I32);
  const end = f.local(ValType.I32);
  f.i32Const(0).set(at);
  f.get(count).i32Const(3).i32Shl().set(end);
  f.whileNot(
    () => f.get(at).get(end).i32GeS(),
    () => {
      body(at);
      f.increment(at, 16);
    },
  );
}
