/**
 * Every number of the spec's matrices, vectors and examples, in text order, with its span:
 * two growable typed arrays instead of one object per number, so a 784-128-10 spec (100,000
 * weights) costs two allocations that double as they fill. A block (a `w`, a `b`, an
 * example's `x` or `y`) is a contiguous stretch [start, start + count) of this store.
 */
export class NumberStore {
  count = 0;
  values: Float64Array;
  /** (line, start column, end column) per number. */
  spans: Int32Array;

  /**
   * `textLength` sizes the first allocation so that a typical spec (a number and its space
   * take about 4 characters or more) never grows: growing copies megabytes on big specs, and
   * large short-lived buffers are what makes the garbage collector run.
   */
  constructor(textLength: number) {
    const capacity = Math.max(256, Math.min(textLength >> 2, 1 << 20));
    this.values = new Float64Array(capacity);
    this.spans = new Int32Array(3 * capacity);
  }

  push(value: number, line: number, startColumn: number, endColumn: number): void {
    if (this.count === this.values.length) this.grow();
    const index = this.count++;
    this.values[index] = value;
    const base = 3 * index;
    this.spans[base] = line;
    this.spans[base + 1] = startColumn;
    this.spans[base + 2] = endColumn;
  }

  /** A view of the values [start, start + count), sharing the store's memory. */
  valuesView(start: number, count: number): Float64Array {
    return new Float64Array(this.values.buffer, this.values.byteOffset + 8 * start, count);
  }

  /** A copy of the values [start, start + count). */
  valuesOf(start: number, count: number): Float64Array {
    return this.values.slice(start, start + count);
  }

  /**
   * A view of the spans [start, start + count), packed as SpecSource expects. Views, not
   * copies: one small typed array per example is cheap, one ArrayBuffer per example is not.
   */
  spansOf(start: number, count: number): Int32Array {
    // The constructor, not subarray(): subarray looks up a species constructor on every call,
    // which costs more than the view itself.
    return new Int32Array(this.spans.buffer, this.spans.byteOffset + 12 * start, 3 * count);
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
