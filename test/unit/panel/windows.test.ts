import { describe, expect, it } from 'vitest';
import { windowAround } from '../../../src/extension/panel/windows';

describe('layer windows', () => {
  it('windows a big layer around the quantity being computed', () => {
    expect(windowAround(2, 1, 12)).toEqual({ start: 0, count: 2 });
    expect(windowAround(784, 3, 12)).toEqual({ start: 0, count: 12 });
    expect(windowAround(784, 699, 12)).toEqual({ start: 693, count: 12 });
    expect(windowAround(784, 783, 12)).toEqual({ start: 772, count: 12 });
  });
});
