import { describe, expect, it } from 'vitest';
import { isCodeServerNoise, thrownAt } from '../../e2e/harness/consoleWatch';

// The browser tests fail on anything red in the console; these pin down what the harness lets
// pass as code-server's own noise, so that a filter never hides an error of the extension.

const HOST = 'http://127.0.0.1:46203/stable-1a2b3c/static/out/vs/workbench/contrib/webview/browser/pre/index.html';
const thrown = (stack: string): Error => Object.assign(new Error('Found unexpected null'), { stack });

describe('thrownAt', () => {
  it("gives the script of a Chromium stack's first frame, named or not", () => {
    expect(thrownAt(thrown(`Error: Found unexpected null\n    at assertIsDefined (${HOST}?id=9f2&parentId=1:80:11)\n    at HTMLIFrameElement.<anonymous> (${HOST}?id=9f2:1093:6)`)))
      .toBe(`${HOST}?id=9f2&parentId=1`);
    expect(thrownAt(thrown('TypeError: x is null\n    at http://127.0.0.1:5000/panel.js:3:18'))).toBe('http://127.0.0.1:5000/panel.js');
  });

  it('gives nothing for a stack without a frame', () => {
    expect(thrownAt(thrown('Error: Found unexpected null'))).toBeUndefined();
    expect(thrownAt(Object.assign(new Error('no stack'), { stack: undefined }))).toBeUndefined();
  });
});

describe('isCodeServerNoise', () => {
  it("lets VS Code's webview host throw when a webview goes away while its page loads", () => {
    expect(isCodeServerNoise({ kind: 'page-error', text: 'Error: Found unexpected null', where: `${HOST}?id=9f2` })).toBe(true);
    expect(isCodeServerNoise({ kind: 'page-error', text: 'Error: Found unexpected null', where: HOST.replace('index.html', 'index-no-csp.html') })).toBe(true);
  });

  it('keeps the same words from anywhere else, and other errors from the host', () => {
    const ours = 'https://1a2b.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js';
    expect(isCodeServerNoise({ kind: 'page-error', text: 'Error: Found unexpected null', where: ours })).toBe(false);
    expect(isCodeServerNoise({ kind: 'page-error', text: 'Error: Found unexpected null', where: 'http://127.0.0.1:46203/?folder=/tmp/x' })).toBe(false);
    expect(isCodeServerNoise({ kind: 'page-error', text: 'TypeError: Cannot read properties of null', where: HOST })).toBe(false);
    expect(isCodeServerNoise({ kind: 'page-error', text: 'Error: Found unexpected null', where: `${HOST}.js` })).toBe(false);
  });
});
