import { describe, expect, it } from 'vitest';
import { parseExpression, printExpression, type ExpressionNode } from '../../../src/core/expression';

/** The tree without offsets, to compare what two texts mean. */
function shape(node: ExpressionNode): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'start' || key === 'end' || key === 'opStart' ? undefined : value)));
}

function parsed(text: string): ExpressionNode {
  const result = parseExpression(text);
  if ('errors' in result) throw new Error(`${text}: ${result.errors[0].message}`);
  return result.ast;
}

/** The first error and the text it points at. */
function parseError(text: string): { message: string; at: string } {
  const result = parseExpression(text);
  if ('ast' in result) throw new Error(`expected an error for ${text}`);
  const [error] = result.errors;
  return { message: error.message, at: text.slice(error.start, error.end) };
}

describe('parsing expressions', () => {
  const asciiTexts = [
    'w(2)[1,2]',
    'b(2)[1]',
    'z(1)[2]',
    'a(1)[2]',
    'a(0)',
    'delta(2)[1]',
    'dc/dw(2)[1,2]',
    'dci/dw(2)[1,2]',
    'dc/db(1)[1]',
    'dci/db(1)[1]',
    'dc/da(1)[2]',
    'dadz(1)[2]',
    'x[1]',
    'y[1]',
    'x',
    'c_i',
    'c',
    'eta',
    'delta(2)',
    'w(1)',
    'delta(L)[1]',
    '1e-4',
    'abs(delta(2)[1]) < 1e-4',
    'norm(delta(2))',
    'fd(w(2)[1,2])',
    'fd(b(1)[2])',
    '-2^2',
    '(-2)^2',
    '2^-1',
    '2^3^2',
    '(1 + 2) * 3',
    '1 - (2 - 3)',
    '1 - 2 - 3',
    '!(c > 1) || c_i >= 0 && eta != 0.5',
    'max(delta(2), 0, 1)',
    '--1',
  ];

  it('prints every tree back to text that parses to the same tree, in ASCII and in Unicode', () => {
    for (const text of asciiTexts) {
      const ast = parsed(text);
      expect(printExpression(ast, 'ascii'), text).toBe(text);
      const unicode = printExpression(ast, 'unicode');
      expect(shape(parsed(unicode)), `${text} → ${unicode}`).toEqual(shape(ast));
    }
  });

  it('reads the article’s symbols as the ASCII names', () => {
    const pairs: [string, string][] = [
      ['δ⁽²⁾₁', 'delta(2)[1]'],
      ['w⁽²⁾₁₂', 'w(2)[1,2]'],
      ['b⁽¹⁾₂', 'b(1)[2]'],
      ['z⁽¹⁾₂', 'z(1)[2]'],
      ['a⁽¹⁾₂', 'a(1)[2]'],
      ['∂c/∂w⁽²⁾₁₂', 'dc/dw(2)[1,2]'],
      ['∂cᵢ/∂w⁽²⁾₁₂', 'dci/dw(2)[1,2]'],
      ['∂c/∂b⁽¹⁾₁', 'dc/db(1)[1]'],
      ['∂cᵢ/∂b⁽¹⁾₁', 'dci/db(1)[1]'],
      ['∂cᵢ/∂a⁽¹⁾₂', 'dc/da(1)[2]'],
      ['∂cᵢ/∂z⁽²⁾₁', 'delta(2)[1]'],
      ['σ′(z⁽¹⁾₂)', 'dadz(1)[2]'],
      ["sigma'(1)[2]", 'dadz(1)[2]'],
      ["σ'(z(1)[2])", 'dadz(1)[2]'],
      ['σ′(z⁽¹⁾)', 'dadz(1)'],
      ['cᵢ', 'c_i'],
      ['η', 'eta'],
      ['yᵢ₁', 'y[1]'],
      ['δ⁽²⁾', 'delta(2)'],
      ['w⁽¹⁾', 'w(1)'],
      ['δ⁽ᴸ⁾₁', 'delta(L)[1]'],
      ['δ⁽¹²⁾₁₂', 'delta(12)[12]'],
      ['w⁽¹⁾₁₂,₃', 'w(1)[12,3]'],
      ['abs(δ⁽²⁾₁) ≤ 1e-4 ∧ c ≠ 0', 'abs(delta(2)[1]) <= 1e-4 && c != 0'],
      ['2 × 3 − 1 · 4', '2 * 3 - 1 * 4'],
      ['w (2) [1, 2]', 'w(2)[1,2]'],
    ];
    for (const [unicode, ascii] of pairs) expect(printExpression(parsed(unicode), 'ascii'), unicode).toBe(ascii);
  });

  it('keeps the offsets of every part', () => {
    const ast = parsed('1 + delta(2)[1]');
    expect(ast.type).toBe('binary');
    if (ast.type !== 'binary' || ast.right.type !== 'reference') throw new Error('shape');
    expect([ast.right.start, ast.right.end]).toEqual([4, 15]);
    expect([ast.right.layer?.start, ast.right.indices?.[0].start]).toEqual([10, 13]);
  });

  it('points each mistake at its text', () => {
    const cases: [string, RegExp, string][] = [
      ['1 + foo', /unknown name ‘foo’/, 'foo'],
      ['deltaa(2)', /unknown name ‘deltaa’; did you mean delta/, 'deltaa'],
      ['dc/dx(1)', /unknown name ‘dc’; did you mean .*dc\/dw/, 'dc'],
      ['delta(2', /missing \): this ‘\(’ is never closed/, '('],
      ['delta(2)[1', /missing \]: this ‘\[’ is never closed/, '['],
      ['abs(delta(2)[1]', /missing \)/, '('],
      ['(1 + 2', /missing \)/, '('],
      ['delta(2)[1) + 1', /expected \] to close the indices, found ‘\)’/, ')'],
      ['delta(2)[0]', /indices count from 1, found 0/, '0'],
      ['delta(2)[1.5]', /an index is a whole number from 1, found ‘1.5’/, '1.5'],
      ['delta(x)[1]', /a layer is a whole number/, 'x'],
      ['delta(2)[1,2]', /delta takes one index, or none for the whole vector; found 2/, '[1,2]'],
      ['w(2)[1]', /w takes two indices, or none for the whole matrix; found 1/, '[1]'],
      ['w⁽²⁾₁₂₃', /found 3 \(separate indices of several digits with commas/, '₁₂₃'],
      ['delta[1]', /delta needs a layer/, 'delta'],
      ['c[1]', /c is one number and takes no index/, '['],
      ['x(1)', /x takes no layer: write x\[j\]/, '('],
      ['abs(1, 2)', /abs takes 1 argument, found 2/, 'abs(1, 2)'],
      ['norm()', /norm takes 1 argument, found 0/, 'norm()'],
      ['1 + abs', /abs is a function/, 'abs'],
      ['fd(delta(2)[1])', /fd takes one weight or bias with its indices/, 'delta(2)[1]'],
      ['fd(w(2))', /fd takes one weight or bias with its indices/, 'w(2)'],
      ['fd(2 * w(2)[1,1])', /fd takes one weight or bias/, '2 * w(2)[1,1]'],
      ['1 +', /ends too early/, ''],
      ['1 2', /expected an operator here, found ‘2’/, '2'],
      ['a = b', /‘=’ alone is not an operator: write ==/, '='],
      ['1..2', /‘1..2’ is not a number/, '1..2'],
      ['σ(1)', /σ alone is not a quantity/, 'σ'],
      ['∂q/∂w⁽²⁾₁₂', /unknown symbol ‘∂q\/∂w⁽²⁾₁₂’/, '∂q/∂w⁽²⁾₁₂'],
      ['δ⁽2⁾₁', /a layer in superscript is written ⁽ℓ⁾/, '⁽2⁾'],
      ['delta(2) @ 1', /unexpected character ‘@’/, '@'],
      ['   ', /the expression is empty/, '   '],
    ];
    for (const [text, message, at] of cases) {
      const error = parseError(text);
      expect(error.message, text).toMatch(message);
      expect(error.at, text).toBe(at);
    }
  });
});
