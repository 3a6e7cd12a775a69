import { describe as group, expect, it } from 'vitest';
import { checkExpression, describe, evaluate, parseExpression } from '../../../src/core/expression';
import { mazurNetwork, prng } from '../engine/networks';
import { snapshotAt } from './context';

/**
 * Errors are data: whatever is typed, parsing and evaluation return a result, and every
 * message points inside the text. Random texts are made of the language's own pieces so that
 * many of them parse and reach the evaluator.
 */
group('mistakes never throw', () => {
  const pieces = [
    'w', 'b', 'z', 'a', 'delta', 'dc/dw', 'dci/db', 'dadz', "sigma'", 'x', 'y', 'c_i', 'c', 'eta', 'fd', 'abs', 'max', 'norm',
    'δ', 'w⁽²⁾', '₁₂', '₁', '⁽¹⁾', '⁽', '∂c/∂w', 'σ′', 'cᵢ', 'η', '(', ')', '[', ']', ',', '0', '1', '2', '3', 'L', '1e-4',
    '+', '-', '*', '/', '^', '<', '<=', '==', '!=', '&&', '||', '!', ' ', '.', '=', '@', 'ᵢ',
  ];
  const network = mazurNetwork();
  const snapshots = [snapshotAt(network, 0), snapshotAt(network, 'last')];

  it('on thousands of random texts', () => {
    const random = prng(5);
    let parsed = 0;
    let evaluated = 0;
    for (let t = 0; t < 4000; t++) {
      let text = '';
      const length = 1 + Math.floor(random() * 8);
      for (let q = 0; q < length; q++) text += pieces[Math.floor(random() * pieces.length)];
      const result = parseExpression(text);
      if ('errors' in result) {
        for (const error of result.errors) expect(0 <= error.start && error.start <= error.end && error.end <= text.length, text).toBe(true);
        continue;
      }
      parsed++;
      expect(typeof describe(result.ast)).toBe('string');
      const checked = checkExpression(result.ast, network, 'from-to');
      for (const snapshot of snapshots) {
        const value = evaluate(result.ast, { snapshot });
        if ('error' in value) expect(value.error.end <= text.length && value.error.start >= 0, text).toBe(true);
        else evaluated++;
        // What the static check rejects, evaluation rejects too.
        if (checked !== null) expect('error' in value, text).toBe(true);
      }
    }
    expect(parsed).toBeGreaterThan(50);
    expect(evaluated).toBeGreaterThan(20);
  });

  it('on random well-formed expressions, some with layers and indices out of range', () => {
    const random = prng(6);
    const choose = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const names = ['w', 'b', 'z', 'a', 'delta', 'dc/dw', 'dci/dw', 'dc/db', 'dci/db', 'dc/da', 'dadz', 'δ', '∂c/∂w'];
    const small = () => String(Math.floor(random() * 4));
    const reference = (): string => {
      const pick = random();
      if (pick < 0.15) return choose(['x', 'y', 'c_i', 'c', 'eta', 'cᵢ', 'η', 'x[1]', 'y[2]', 'x[3]']);
      const name = choose(names);
      const layer = name === 'δ' || name === '∂c/∂w' ? `⁽${'⁰¹²³'[Math.floor(random() * 4)]}⁾` : `(${small()})`;
      const two = name === 'w' || name.includes('dw');
      const indices = random() < 0.3 ? '' : two ? `[${1 + Math.floor(random() * 3)},${1 + Math.floor(random() * 3)}]` : `[${1 + Math.floor(random() * 3)}]`;
      return `${name}${layer}${indices}`;
    };
    const expression = (depth: number): string => {
      const pick = depth > 3 ? random() * 0.4 : random();
      if (pick < 0.15) return choose(['0', '1', '2.5', '1e-4']);
      if (pick < 0.45) return reference();
      if (pick < 0.55) return `-${expression(depth + 1)}`;
      if (pick < 0.8) return `(${expression(depth + 1)} ${choose(['+', '-', '*', '/', '^', '<', '>=', '==', '&&', '||'])} ${expression(depth + 1)})`;
      if (pick < 0.9) return `fd(${choose(['w', 'b'])}(${small()})[${1 + Math.floor(random() * 3)}${random() < 0.5 ? `,${1 + Math.floor(random() * 3)}` : ''}])`;
      return `${choose(['abs', 'sum', 'max', 'min', 'norm', 'mean', 'exp', 'log', 'sqrt'])}(${expression(depth + 1)})`;
    };
    const outcomes = { value: 0, error: 0 };
    for (let t = 0; t < 1500; t++) {
      const text = expression(0);
      const result = parseExpression(text);
      if ('errors' in result) continue;
      for (const snapshot of snapshots) {
        const value = evaluate(result.ast, { snapshot });
        if ('error' in value) {
          outcomes.error++;
          expect(value.error.start >= 0 && value.error.end <= text.length && value.error.start < value.error.end, text).toBe(true);
        } else outcomes.value++;
      }
    }
    expect(outcomes.value).toBeGreaterThan(200);
    expect(outcomes.error).toBeGreaterThan(200);
  });
});

group('checking without a stepping position', () => {
  it('finds a layer or index the network does not have', () => {
    const network = mazurNetwork();
    const check = (text: string) => {
      const result = parseExpression(text);
      if ('errors' in result) throw new Error(result.errors[0].message);
      const error = checkExpression(result.ast, network, 'from-to');
      return error === null ? null : text.slice(error.start, error.end);
    };
    expect(check('abs(delta(2)[1]) < 1e-4')).toBeNull();
    expect(check('abs(delta(2)[3]) < 1e-4')).toBe('3');
    expect(check('fd(w(4)[1,1])')).toBe('4');
  });
});

group('describe', () => {
  it('names a reference in the article’s notation and prints anything else in its symbols', () => {
    const name = (text: string) => {
      const result = parseExpression(text);
      if ('errors' in result) throw new Error(result.errors[0].message);
      return describe(result.ast);
    };
    expect(name('delta(2)[1]')).toBe('δ⁽²⁾₁');
    expect(name('dc/dw(2)[1,2]')).toBe('∂c/∂w⁽²⁾₁₂');
    expect(name('dci/dw(1)[12,3]')).toBe('∂cᵢ/∂w⁽¹⁾₁₂,₃');
    expect(name("sigma'(1)[2]")).toBe('σ′(z⁽¹⁾₂)');
    expect(name('dc/da(1)[2]')).toBe('∂cᵢ/∂a⁽¹⁾₂');
    expect(name('y[1]')).toBe('yᵢ₁');
    expect(name('c_i')).toBe('cᵢ');
    expect(name('w(1)')).toBe('w⁽¹⁾');
    expect(name('abs(delta(2)[1]) < 1e-4')).toBe('abs(δ⁽²⁾₁) < 1e-4');
  });
});
