import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, escapeHtml, makeNonce, panelHtml } from '../../../src/extension/panel/panelHtml';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123NONCE',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  katexCssUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/katex/katex.min.css',
  baseCssUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/base.css',
  panelCssUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
  title: 'Backprop · <evil>.nnet',
};

describe('panel HTML and CSP', () => {
  const html = panelHtml(input);

  it('puts the nonce on the script and in the policy, and allows no inline code or eval', () => {
    expect(html).toContain(`<script nonce="${input.nonce}" src="${input.scriptUri}"></script>`);
    const csp = contentSecurityPolicy(input.cspSource, input.nonce);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'nonce-${input.nonce}'`);
    expect(csp).toContain(`font-src ${input.cspSource}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).toContain(escapeHtml(csp));
  });

  it('loads only the extension’s own files: no remote URL besides the webview resource origin', () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual([input.baseCssUri, input.katexCssUri, input.panelCssUri, input.scriptUri]);
    const withoutOwn = html.split(input.cspSource).join('');
    expect(withoutOwn).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/cdn\.jsdelivr|unpkg|cdnjs/);
  });

  it('has no inline script or inline style, and escapes the title', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).toContain('Backprop · &lt;evil&gt;.nnet');
  });

  it('makes a fresh nonce each time', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe('messages from the page are checked', () => {
  it('accepts the protocol and rejects anything else', async () => {
    const { isPanelMessage, isPanelState } = await import('../../../src/shared/panelMessages');
    expect(isPanelMessage({ type: 'ready' })).toBe(true);
    expect(isPanelMessage({ type: 'action', action: 'step' })).toBe(true);
    expect(isPanelMessage({ type: 'action', action: 'rm -rf' })).toBe(false);
    expect(isPanelMessage({ type: 'eval', code: '1' })).toBe(false);
    expect(isPanelMessage(null)).toBe(false);
    expect(isPanelState({ uri: 'file:///a.nnet', example: 0, step: 11 })).toBe(true);
    expect(isPanelState({ uri: 'file:///a.nnet', example: 0.5, step: 11 })).toBe(false);
  });
});
