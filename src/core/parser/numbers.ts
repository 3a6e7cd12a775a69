/**
 * Every number of the spec's matrices, vectors and examples, in text order, with its span:
 * two growable typed arrays instead of one object per number, so a 784-128-10 spec (100,000
 * weights) costs two allocations that double as they fill. A block (a `w`, a `b`, an
 * example's `x` or `y`) is a contiguous stretch [start, start + count) of this store.
 */
export class NumberStore {
  count = 0;
  values = new Float64Array(256);
  /** (line, start column, end column) per number. */
  spans = new Int32Array(3 * 256);

  push(value: number, line: number, startColumn: number, endColumn: number): void {
    if (this.count === this.values.length) this.grow();
    const index = this.count++;
    this.values[index] = value;
    const base = 3 * index;
    this.spans[base] = line;
    this.spans[base + 1] = startColumn;
    this.spans[base + 2] = endColumn;
  }

  /** A copy of the values [start, start + count). */
  valuesOf(start: number, count: number): Float64Array {
    return this.values.slice(start, start + count);
  }

  /** A copy of the spans [start, start + count), packed as SpecSource expects. */
  spansOf(start: number, count: number): Int32Array {
    return this.spans.slice(3 * start, 3 * (start + count));
  }

  line(index: number): number {
    return this.spans[3 * index];
  }

  startColumn(index: number): number {
    return this.spans[3 * index + 1];
  }

  endColumn(index: number): number {
    return this.spans[3 * index + 2];
  }

  private grow(): void {
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    const spans = new Int32Array(this.spans.length * 2);
    spans.set(this.spans);
    this.spans = spans;
  }
}
