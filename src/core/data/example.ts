/**
 * One training example as the data modules produce it: the inputs x (a⁽⁰⁾, n_0 numbers) and the
 * targets y (n_L numbers), in fresh arrays the caller may keep. The caller numbers the examples
 * i = 1 … m in order of appearance in the spec, together with its inline `example` lines.
 */
export interface DataExample {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** An example read from a CSV file, with where it came from, for hovers and the panel ("iris.csv, row 12"). */
export interface CsvExample extends DataExample {
  /** The 1-based data row: the header is not counted, nor are skipped blank lines. */
  readonly row: number;
  /** The 0-based line of the CSV text where the row starts. */
  readonly line: number;
}
