import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberTex } from '../../../src/core/notation/format';
import { ACTIVATION_FORMULAS, COST_FORMULAS } from '../../../src/core/notation/formulas';
import * as sym from '../../../src/core/notation/symbols';
import { ACTIVATIONS, COSTS } from '../../../src/core/model/network';

describe('notation', () => {
  it('writes symbols in TeX and Unicode', () => {
    expect(sym.w(2, 1, 2, 'from-to')).toEqual({ tex: 'w^{(2)}_{12}', text: 'w⁽²⁾₁₂' });
    expect(sym.delta(2, 1)).toEqual({ tex: '\\delta^{(2)}_{1}', text: 'δ⁽²⁾₁' });
    expect(sym.dcdw(2, 1, 2, 'from-to')).toEqual({ tex: '\\frac{\\partial c_i}{\\partial w^{(2)}_{12}}', text: '∂cᵢ/∂w⁽²⁾₁₂' });
    expect(sym.sigmaPrime(1, 3).text).toBe('σ′(z⁽¹⁾₃)');
    expect(sym.w(1, 12, 3, 'from-to')).toEqual({ tex: 'w^{(1)}_{12,3}', text: 'w⁽¹⁾₁₂,₃' });
    expect(sym.w(10, 1, 1, 'from-to').text).toBe('w⁽¹⁰⁾₁₁');
  });

  it('writes a weight in either index order, naming the same weight (the memo keeps them apart)', () => {
    for (let round = 0; round < 2; round++) {
      expect(sym.w(2, 1, 2, 'to-from')).toEqual({ tex: 'w^{(2)}_{21}', text: 'w⁽²⁾₂₁' });
      expect(sym.w(2, 1, 2, 'from-to')).toEqual({ tex: 'w^{(2)}_{12}', text: 'w⁽²⁾₁₂' });
    }
    expect(sym.w(1, 12, 3, 'to-from').text).toBe('w⁽¹⁾₃,₁₂');
    expect(sym.w(2, 'j', 'r', 'to-from').text).toBe('w⁽²⁾ᵣⱼ');
    expect(sym.dzdw(2, 1, 2, 'to-from').text).toBe('∂z⁽²⁾₂/∂w⁽²⁾₂₁');
    expect(sym.meanDcdw(2, 1, 2, 'to-from').tex).toBe('\\frac{\\partial c}{\\partial w^{(2)}_{21}}');
    expect(sym.otherWeightOrder('to-from')).toBe('from-to');
  });

  it('formats numbers without junk', () => {
    expect(formatNumber(0.13849856162855698)).toBe('0.138499');
    expect(formatNumber(-0.03809823651655623)).toBe('−0.0380982');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-1e-300 * 1e-300)).toBe('0');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(123456.7)).toBe('123457');
    expect(formatNumber(999999.7)).toBe('1×10⁶');
    expect(formatNumber(1.5e-7)).toBe('1.5×10⁻⁷');
    expect(formatNumber(2.5e12)).toBe('2.5×10¹²');
    expect(formatNumber(1 / 3, 3)).toBe('0.333');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumberTex(1.5e-7)).toBe('1.5 \\times 10^{-7}');
    for (const x of [1e-5, 3e21, -4.2e-9, 0.0001, 12345678]) expect(formatNumber(x)).not.toMatch(/e[+-]/);
  });

  it('has a formula and a derivative for every activation and cost', () => {
    for (const name of ACTIVATIONS) {
      expect(ACTIVATION_FORMULAS[name].definition.tex.length).toBeGreaterThan(0);
      expect(ACTIVATION_FORMULAS[name].derivative.text.length).toBeGreaterThan(0);
    }
    for (const name of COSTS) expect(COST_FORMULAS[name].derivative.text).toContain('∂cᵢ/∂a⁽ᴸ⁾ⱼ');
    expect(ACTIVATION_FORMULAS.sigmoid.derivative.text).toBe('σ′(z) = σ(z)(1 − σ(z))');
  });
});
