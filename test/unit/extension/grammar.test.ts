import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// The names the grammar must colour, taken from the code so a new activation or cost cannot be
// forgotten here. One import, to switch when the activation and cost registries land.
import { ACTIVATIONS, COSTS } from '../../../src/core/model/network';
import { KEYWORDS } from '../../../src/core/parser/read';
import { compileError, GRAMMAR_PATH, grammarRegexes, grammarScopes, loadNnetGrammar, type NnetGrammar, type RawGrammar, type Token } from './textmate';

/** The grammar as VS Code runs it: vscode-textmate with Oniguruma (see ./textmate.ts). */
const rawGrammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as RawGrammar;
const languageConfiguration = JSON.parse(readFileSync('media/language-configuration.json', 'utf8'));
const mazur = readFileSync('examples/mazur.nnet', 'utf8').split(/\r?\n/);

let grammar: NnetGrammar;
beforeAll(async () => {
  grammar = await loadNnetGrammar();
});

/** The innermost scope of each non-blank token of `line`, as "text → scope". */
function scoped(line: string): string[] {
  return grammar
    .tokenizeLine(line)
    .filter((token) => token.text.trim() !== '')
    .map((token) => `${token.text.trim()} → ${token.scopes[token.scopes.length - 1]}`);
}

function tokenFor(line: string, text: string): Token {
  const token = grammar.tokenizeLine(line).find((t) => t.text === text);
  if (!token) throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(grammar.tokenizeLine(line))}`);
  return token;
}

describe('the nnet TextMate grammar', () => {
  it('is source.nnet, compiles in Oniguruma, and uses standard scope names ending in .nnet', async () => {
    expect(rawGrammar.scopeName).toBe('source.nnet');
    for (const source of grammarRegexes(rawGrammar)) expect(await compileError(source), source).toBeNull();
    const standard = /^(comment|constant|entity|keyword|punctuation|string|support|variable|invalid)\./;
    for (const scope of grammarScopes(rawGrammar)) {
      expect(scope).toMatch(standard);
      expect(scope).toMatch(/\.nnet$/);
    }
  });

  it('scopes the mazur example line by line', () => {
    expect(scoped(mazur[0])).toEqual(['# → punctuation.definition.comment.nnet', 'A 2-2-2 sigmoid network and one training example. → comment.line.number-sign.nnet']);
    expect(scoped(mazur[1])).toEqual([
      'network → keyword.control.nnet',
      '" → punctuation.definition.string.begin.nnet',
      'Step-by-step backpropagation → string.quoted.double.nnet',
      '" → punctuation.definition.string.end.nnet',
    ]);
    expect(scoped(mazur[2]).slice(0, 3)).toEqual([
      'cost → keyword.other.nnet',
      'half-squared → support.function.cost.nnet',
      '# → punctuation.definition.comment.nnet',
    ]);
    expect(scoped(mazur[3])).toEqual(['learning-rate → keyword.other.nnet', '0.5 → constant.numeric.nnet']);
    expect(scoped('layer 0: 2 inputs')).toEqual([
      'layer → keyword.control.nnet',
      '0 → constant.numeric.integer.layer.nnet',
      ': → punctuation.separator.key-value.nnet',
      '2 → constant.numeric.nnet',
      'inputs → keyword.other.nnet',
    ]);
    expect(scoped('layer 1: 2 sigmoid').slice(-1)).toEqual(['sigmoid → support.function.activation.nnet']);
    expect(scoped(mazur[7]).slice(0, 4)).toEqual([
      'w → keyword.other.nnet',
      '0.15 → constant.numeric.nnet',
      '0.25 → constant.numeric.nnet',
      '# → punctuation.definition.comment.nnet',
    ]);
    expect(scoped('example x 0.05 0.10 y 0.01 0.99')).toEqual([
      'example → keyword.control.nnet',
      'x → keyword.other.nnet',
      '0.05 → constant.numeric.nnet',
      '0.10 → constant.numeric.nnet',
      'y → keyword.other.nnet',
      '0.01 → constant.numeric.nnet',
      '0.99 → constant.numeric.nnet',
    ]);
  });

  it('leaves no word of the example without a scope of its own', () => {
    const lines = grammar.tokenizeLines(mazur);
    expect(lines.flat().filter((token) => token.text.trim() !== '').length).toBeGreaterThan(50);
    lines.forEach((tokens, i) => {
      for (const token of tokens)
        if (token.text.trim() !== '') expect(token.scopes.length, `${JSON.stringify(token.text)} in ${JSON.stringify(mazur[i])}`).toBeGreaterThan(1);
    });
  });

  it('scopes generated data and the validation split', () => {
    expect(scoped('data moons 200 noise 0.1 seed 7')).toEqual([
      'data → keyword.control.nnet',
      'moons → support.constant.data-set.nnet',
      '200 → constant.numeric.nnet',
      'noise → keyword.other.nnet',
      '0.1 → constant.numeric.nnet',
      'seed → keyword.other.nnet',
      '7 → constant.numeric.nnet',
    ]);
    expect(scoped('validation 20%')).toEqual(['validation → keyword.control.nnet', '20% → constant.numeric.percentage.nnet']);
  });

  it('colours the training settings like the other settings, as whole words', () => {
    expect(scoped('steps 500')).toEqual(['steps → keyword.other.nnet', '500 → constant.numeric.nnet']);
    expect(scoped('batch-size 32 # B')).toEqual(['batch-size → keyword.other.nnet', '32 → constant.numeric.nnet', '# → punctuation.definition.comment.nnet', 'B → comment.line.number-sign.nnet']);
    expect(scoped('shuffle 7')).toEqual(['shuffle → keyword.other.nnet', '7 → constant.numeric.nnet']);
    expect(scoped('batch-sizes 3 steps-2').join()).not.toContain('keyword');
  });

  it('colours every keyword a line may start with', () => {
    for (const keyword of KEYWORDS) expect(tokenFor(`${keyword} 1`, keyword).scopes.join(), keyword).toMatch(/keyword\.(control|other)\.nnet/);
  });

  it('keeps signs, decimals and exponents inside one number', () => {
    for (const number of ['-1.5e-3', '+2', '.5', '3.', '1E+10', '0.000001', '42'])
      expect(tokenFor(`  b ${number} 1`, number).scopes).toContain('constant.numeric.nnet');
    expect(scoped('b 1.5.2').slice(1).join()).not.toContain('constant.numeric');
    expect(scoped('b abc12').slice(1).join()).not.toContain('constant.numeric');
  });

  it('knows every activation and cost, and only whole words', () => {
    for (const activation of ACTIVATIONS)
      expect(tokenFor(`layer 1: 3 ${activation}`, activation).scopes).toContain('support.function.activation.nnet');
    for (const cost of COSTS)
      expect(tokenFor(`cost ${cost}`, cost).scopes).toContain('support.function.cost.nnet');
    expect(scoped('cost squaredness').join()).not.toContain('support.function');
    expect(scoped('seed 7')).toEqual(['seed → keyword.other.nnet', '7 → constant.numeric.nnet']);
  });

  it('scopes escapes in strings, ends an unclosed string with its line, and ignores keywords inside', () => {
    const line = 'network "a \\"w\\" layer" # named';
    expect(tokenFor(line, '\\"').scopes).toEqual(['source.nnet', 'string.quoted.double.nnet', 'constant.character.escape.nnet']);
    expect(tokenFor(line, ' layer').scopes).toEqual(['source.nnet', 'string.quoted.double.nnet']);
    expect(tokenFor(line, ' named').scopes).toContain('comment.line.number-sign.nnet');
    expect(scoped('network "open # not a comment').slice(-1)).toEqual(['open # not a comment → string.quoted.double.nnet']);
  });
});

describe('the nnet language configuration', () => {
  const word = new RegExp(languageConfiguration.wordPattern, 'g');
  const words = (text: string) => text.match(word);

  it('keeps numbers and hyphenated names whole', () => {
    expect(words('b -1.5e-3 +2 .5')).toEqual(['b', '-1.5e-3', '+2', '.5']);
    expect(words('learning-rate 0.5')).toEqual(['learning-rate', '0.5']);
    expect(words('cost binary-cross-entropy # c')).toEqual(['cost', 'binary-cross-entropy', 'c']);
    expect(words('layer 1: 2 sigmoid')).toEqual(['layer', '1', '2', 'sigmoid']);
  });

  it('comments with # and closes quotes', () => {
    expect(languageConfiguration.comments.lineComment).toBe('#');
    expect(languageConfiguration.autoClosingPairs).toContainEqual({ open: '"', close: '"', notIn: ['string', 'comment'] });
  });

  it('indents under a layer and outdents at the next top-level keyword', () => {
    const increase = new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
    expect(increase.test('layer 1: 2 sigmoid')).toBe(true);
    expect(increase.test('  w 0.1 0.2')).toBe(false);
    expect(decrease.test('  example x 1 y 0')).toBe(true);
    expect(decrease.test('  learning-rate 0.1')).toBe(true);
    expect(decrease.test('  batch-size 32')).toBe(true);
    expect(decrease.test('  b 0.1')).toBe(false);
    expect(decrease.test('  costly')).toBe(false);
  });
});
