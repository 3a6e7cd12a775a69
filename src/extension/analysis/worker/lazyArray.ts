/**
 * An array of `length` items made only when first read, then kept: `make(i)` builds item i.
 *
 * Why: a result with 100,000 examples from a data file would otherwise cross from the worker as
 * 100,000 objects and 200,000 typed arrays, and rebuilding them took the extension host's thread
 * over 300 ms (`npm run bench analysis`). Packed into a few arrays, it crosses in a millisecond,
 * and only the examples a view reads (the one being stepped, a hover's first rows) are ever made.
 *
 * It is a real array to its readers — indexing, `length`, iteration, `map`, `Array.isArray` —
 * through a Proxy whose target starts with no elements. Readers must not write to it (the
 * analysis is read-only), and it cannot be posted to another thread.
 */
export function lazyArray<T>(length: number, make: (index: number) => T): readonly T[] {
  const items: T[] = new Array<T>(length);
  const made = new Uint8Array(length);
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && index < length && String(index) === key ? index : -1;
  };
  return new Proxy(items, {
    get(target, key, receiver) {
      const index = indexOf(key);
      if (index < 0) return Reflect.get(target, key, receiver);
      if (made[index] === 0) {
        target[index] = make(index);
        made[index] = 1;
      }
      return target[index];
    },
    // Array methods skip holes by asking `in` first: every index below `length` is an item.
    has(target, key) {
      return indexOf(key) >= 0 || Reflect.has(target, key);
    },
    set() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}
