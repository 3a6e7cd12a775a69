import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/model/initialise';
import { readNumber } from '../../../src/core/parser/number';

/** The scanner's number reader gives the same double as Number() for every literal it accepts. */

function read(text: string): number {
  return readNumber(text, 0, text.length);
}

describe('readNumber', () => {
  it('reads the accepted forms', () => {
    expect(read('0.15')).toBe(0.15);
    expect(read('-1')).toBe(-1);
    expect(read('+2.5e-3')).toBe(0.0025);
    expect(read('.5')).toBe(0.5);
    expect(read('5.')).toBe(5);
    expect(read('−0.25')).toBe(-0.25);
    expect(read('1e−3')).toBe(0.001);
    expect(Object.is(read('-0'), -0)).toBe(true);
    expect(read('1e400')).toBe(Infinity);
    expect(read('-1e400')).toBe(-Infinity);
    expect(read('1e-400')).toBe(0);
    expect(read('1e99999999999')).toBe(Infinity);
  });

  it('rejects what is not one literal', () => {
    for (const bad of ['', '-', '+', '.', '-.', 'e5', '1e', '1e+', '0.1.2', '1,5', '0x10', '--1', '1-', '1e5.5', '5..', 'inf', '1_000'])
      expect(read(bad), bad).toBeNaN();
  });

  it('agrees with Number() on many random literals, bit for bit', () => {
    const next = mulberry32(2024);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
    for (let i = 0; i < 20000; i++) {
      const whole = digits(Math.floor(next() * 12));
      const fraction = next() < 0.6 ? `.${digits(Math.floor(next() * 12))}` : '';
      if (whole === '' && fraction.length < 2) continue;
      const exponent = next() < 0.3 ? `e${next() < 0.5 ? '-' : ''}${Math.floor(next() * 340)}` : '';
      const sign = next() < 0.3 ? '-' : '';
      const literal = `${sign}${whole}${fraction}${exponent}`;
      expect(Object.is(read(literal), Number(literal)), literal).toBe(true);
    }
  });
});
