import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/main';
import { escapeControls, escapeMarkdown } from '../../../src/core/text/escape';

/** Spec text with control characters reaches the terminal escaped, and Markdown as literal text. */

const ESC = '\u001b';
const SPEC = (name: string) => `network "${name}"\ncost half-squared\nlayer 0: 1 inputs\nlayer 1: 1 sigmoid\n  w 0.5\n  b 0\nexample x 1 y 0\n`;

async function run(text: string, ...argv: string[]) {
  const lines: string[] = [];
  const io: CliIO = { out: (line) => lines.push(line), err: (line) => lines.push(line), readFile: () => text };
  const code = await runCli([...argv, 'spec.nnet'], io);
  return { code, text: lines.join('\n') };
}

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal-safe output', () => {
  it('escapes C0, DEL, C1 and bidirectional controls, and keeps tabs, line feeds and other text', () => {
    expect(escapeControls(`${ESC}]0;owned\u0007${ESC}[2J\r\u007f\u009b\u202e\tδ⁽²⁾₁\n`)).toBe(
      '\\x1b]0;owned\\x07\\x1b[2J\\x0d\\u007f\\u009b\\u202e\tδ⁽²⁾₁\n',
    );
  });

  it('nnet trace prints a network name holding escape sequences as visible escapes', async () => {
    const { code, text } = await run(SPEC(`Net${ESC}]0;title\u0007${ESC}[2J\u009b`), 'trace');
    expect(code).toBe(0);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('Net\\x1b]0;title\\x07\\x1b[2J\\u009b: 1-1 network');
  });

  it('nnet check prints a quoted word with control characters escaped', async () => {
    const { code, text } = await run(`layer 0: 1 inputs\nlayer 1: 1 sig${ESC}[1Amoid\n`, 'check');
    expect(code).toBe(1);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('sig\\x1b[1Amoid');
  });

  it('nnet trace --json stays valid JSON and holds the name exactly', async () => {
    const name = `A${ESC}[31m\u009b\u202eB`;
    const { text } = await run(SPEC(name), 'trace', '--json');
    expect(text).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(text).name).toBe(name);
  });
});

describe('Markdown-safe output', () => {
  it('escapes every construct in spec text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [a](command:x) *b*\n# c')).toBe(
      '\\<img src\\=x onerror\\=alert\\(1\\)\\> \\[a\\]\\(command\\:x\\) \\*b\\* \\# c',
    );
  });

  it('nnet trace --markdown writes the network name as literal text in the heading', async () => {
    const { text } = await run(SPEC('<b>x</b> [link](https://example.com) `code`'), 'trace', '--markdown');
    const heading = text.split('\n')[0];
    expect(heading).toBe('# Backpropagation, step by step: \\<b\\>x\\<\\/b\\> \\[link\\]\\(https\\:\\/\\/example\\.com\\) \\`code\\`');
  });
});
