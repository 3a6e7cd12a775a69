import { describe, expect, it } from 'vitest';
import { agreesAt, readAnswer, shown } from '../../../src/core/exercise/answer';

describe('reading a typed answer', () => {
  const value = (text: string) => {
    const read = readAnswer(text);
    if (!read.ok) throw new Error(`${text}: ${read.message}`);
    return read;
  };

  it('reads decimals, signs, decimal commas and powers of ten, and counts the digits typed', () => {
    expect(value('0.138499')).toEqual({ ok: true, value: 0.138499, digits: 6 });
    expect(value(' -1.2e-3 ')).toEqual({ ok: true, value: -0.0012, digits: 2 });
    expect(value('−0.0380982').value).toBe(-0.0380982);
    expect(value('+.5').value).toBe(0.5);
    expect(value('5.').value).toBe(5);
    expect(value('0,7414')).toEqual({ ok: true, value: 0.7414, digits: 4 });
    expect(value('1.5×10⁻⁷').value).toBeCloseTo(1.5e-7, 20);
    expect(value('2.34568×10¹²').value).toBe(2.34568e12);
    expect(value('1.5 x 10^-3').value).toBe(0.0015);
    expect(value('1.5*10^{-3}').value).toBe(0.0015);
    expect(value('3E2').value).toBe(300);
    expect(value('100').digits).toBe(3);
    expect(value('0').digits).toBe(1);
  });

  it('refuses what is not one number, saying what it expected', () => {
    for (const text of ['', '  ', 'abc', '1,234.5', '1.2.3', '1/2', '0.1+0.2', '1 234', 'e5', '.', '-']) {
      const read = readAnswer(text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.message.length, text).toBeGreaterThan(10);
    }
    const two = readAnswer('1,234.5');
    expect(!two.ok && two.message).toMatch(/more than one decimal separator/);
    expect(readAnswer('1e400').ok).toBe(false);
  });
});

describe('accepting an answer within the precision shown', () => {
  it('accepts the value as the panel writes it, and within half a unit of its last digit', () => {
    const v = 0.13849856154;
    expect(agreesAt(0.138499, v, 6)).toBe(true);
    expect(agreesAt(0.1384986, v, 6)).toBe(true);
    expect(agreesAt(0.138498, v, 6)).toBe(false);
    expect(agreesAt(0.1385, v, 6)).toBe(false);
    expect(agreesAt(0.1385, v, 4)).toBe(true);
    expect(agreesAt(-0.138499, v, 6)).toBe(false);
  });

  it('reads the last digit at the value’s own magnitude, also in scientific form', () => {
    expect(agreesAt(1.23457e-7, 1.234567e-7, 6)).toBe(true);
    expect(agreesAt(1.23456e-7, 1.234567e-7, 6)).toBe(false);
    expect(agreesAt(123457, 123456.6, 6)).toBe(true);
    expect(agreesAt(0.99999999, 0.999999996, 6)).toBe(true);
    expect(agreesAt(1, 0.9999996, 6)).toBe(true);
  });

  it('takes 0 as exactly 0', () => {
    expect(agreesAt(0, 0, 6)).toBe(true);
    expect(agreesAt(-0, 0, 6)).toBe(true);
    expect(agreesAt(1e-9, 0, 6)).toBe(false);
  });

  it('rounds to the shown digits', () => {
    expect(shown(0.13849856154, 6)).toBe(0.138499);
    expect(shown(-1234.5678, 3)).toBe(-1230);
    expect(shown(0, 6)).toBe(0);
  });
});
