import { describe, expect, it } from 'vitest';
import { markInOrder, numberBoundary } from '../../../src/extension/panel/markFactors';
import { windowAround } from '../../../src/extension/panel/windows';

describe('factor marks and windows', () => {
  it('marks each factor once, in order, and numbers only where they stand alone', () => {
    expect(markInOrder('0.5 \\times 0.55', ['0.55', '0.5'], numberBoundary)).toBe('0.5 \\times \\bpfA{0.55}');
    expect(markInOrder('0.55 \\times 0.5', ['0.55', '0.5'], numberBoundary)).toBe('\\bpfA{0.55} \\times \\bpfB{0.5}');
    expect(markInOrder('a \\cdot b', ['a', 'missing', 'b'])).toBe('\\bpfA{a} \\cdot \\bpfC{b}');
  });

  it('windows a big layer around the quantity being computed', () => {
    expect(windowAround(2, 1, 12)).toEqual({ start: 0, count: 2 });
    expect(windowAround(784, 3, 12)).toEqual({ start: 0, count: 12 });
    expect(windowAround(784, 699, 12)).toEqual({ start: 693, count: 12 });
    expect(windowAround(784, 783, 12)).toEqual({ start: 772, count: 12 });
  });
});
