import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTopLevel } from '../../../src/core/completion/keywords';
import { KEYWORDS } from '../../../src/core/parser/read';

/**
 * How a `.nnet` editor behaves while a spec is typed: a line that starts a statement outside any
 * layer moves back to the margin as its keyword is typed (VS Code's `editor.autoIndent` "full"
 * applies `decreaseIndentPattern` when a typed character makes a line match it), and the editor
 * settings package.json gives the language keep Enter a line break after a name typed in full.
 * The browser test (test/e2e/writingSpecs.test.ts) types both for real.
 */
const configuration = JSON.parse(readFileSync('media/language-configuration.json', 'utf8'));
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);

describe('typing a spec', () => {
  it.each([...KEYWORDS])('`%s` typed on an indented line: the line goes to the margin exactly when the parser’s keyword is complete', (keyword) => {
    const typed = Array.from(keyword, (_, i) => `  ${keyword.slice(0, i + 1)}`);
    const dedentsAt = typed.findIndex((line) => decrease.test(line));
    // VS Code dedents when a character makes the line match where it did not before.
    expect(dedentsAt).toBe(isTopLevel(keyword) ? keyword.length - 1 : -1);
    expect(decrease.test(`  ${keyword} 1 2`)).toBe(isTopLevel(keyword));
    expect(decrease.test(`  ${keyword}x`)).toBe(false);
  });

  it('indents the line after a layer header, so its `w` and `b` sit under it', () => {
    expect(increase.test('layer 0: 2 inputs')).toBe(true);
    expect(increase.test('layer 2: 3 relu  # hidden')).toBe(true);
    expect(increase.test('  b 0 0')).toBe(false);
    expect(increase.test('# layer 1 is next')).toBe(false);
  });

  it('turns word-based suggestions off for nnet, and makes Enter accept a suggestion only when it changes the text', () => {
    const defaults = manifest.contributes.configurationDefaults['[nnet]'];
    expect(defaults['editor.wordBasedSuggestions']).toBe('off');
    expect(defaults['editor.suggest.showWords']).toBe(false);
    expect(defaults['editor.acceptSuggestionOnEnter']).toBe('smart');
    expect(defaults['editor.tabSize']).toBe(2);
  });
});
