import { describe, expect, it } from 'vitest';
import { commandLink, encodeArguments, escapeMarkdown } from '../../../src/extension/editor/markdownEscape';

describe('escapeMarkdown', () => {
  it('leaves no link, command or HTML that a renderer could act on', () => {
    const crafted = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** `code`';
    const escaped = escapeMarkdown(crafted);
    // Every punctuation character that could open a construct is preceded by a backslash.
    expect(escaped).not.toMatch(/(^|[^\\])[[\]()<>`*]/);
    expect(escaped).toContain('\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)');
    expect(escaped).toContain('\\<img');
  });

  it('folds line breaks so text cannot start a heading or a list', () => {
    expect(escapeMarkdown('a\n# heading\n- item')).toBe('a \\# heading \\- item');
  });

  it('keeps the notation readable', () => {
    expect(escapeMarkdown('w⁽²⁾₁₂ = 0.40')).toBe('w⁽²⁾₁₂ \\= 0\\.40');
  });
});

describe('commandLink', () => {
  it('percent-encodes JSON arguments, parentheses included', () => {
    const link = commandLink('Step to this quantity', 'backpropStepper.stepTo', ['file:///a).nnet', { kind: 'dw' }]);
    expect(link.startsWith('[Step to this quantity](command:backpropStepper.stepTo?')).toBe(true);
    const query = link.slice(link.indexOf('?') + 1, -1);
    expect(query).not.toMatch(/[()\s"]/);
    expect(JSON.parse(decodeURIComponent(query))).toEqual(['file:///a).nnet', { kind: 'dw' }]);
    expect(encodeArguments(["'!*"])).toBe('%5B%22%27%21%2A%22%5D');
  });
});
