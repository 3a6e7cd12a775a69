/**
 * Serves the panel's real page (src/extension/panel/panelHtml.ts, same CSP) with dist/ and
 * media/ on 127.0.0.1, plus a fake `acquireVsCodeApi` that records what the page posts and
 * any Content-Security-Policy violation. Used by the panel benchmark to load dist/webview.js
 * in headless Chromium and drive it with real messages, as VS Code would.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { panelHtml } from '../../src/extension/panel/panelHtml';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.map': 'application/json',
};

/** Defines what VS Code's webview host would; runs before the panel's script (same nonce). */
const FAKE_API = `
window.__posted = []; window.__violations = []; window.__state = null;
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.__posted.push(m),
  getState: () => window.__state,
  setState: (s) => { window.__state = s; },
});
`;

/** A few of the variables VS Code defines in a webview, for a dark and a light theme. */
const THEMES: Record<string, string> = {
  'vscode-dark': `--vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-editor-font-family: monospace;
    --vscode-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d; --vscode-editor-background: #1e1e1e;
    --vscode-editorWidget-background: #252526; --vscode-focusBorder: #007fd4; --vscode-panel-border: #80808059;
    --vscode-button-background: #0e639c; --vscode-button-foreground: #ffffff; --vscode-button-hoverBackground: #1177bb;
    --vscode-button-secondaryBackground: #3a3d41; --vscode-button-secondaryForeground: #ffffff; --vscode-button-secondaryHoverBackground: #45494e;
    --vscode-textBlockQuote-background: #222222; --vscode-editor-selectionBackground: #264f78; --vscode-textLink-foreground: #3794ff;
    --vscode-charts-blue: #3794ff; --vscode-charts-orange: #d18616; --vscode-charts-green: #89d185; --vscode-charts-purple: #b180d7;
    --vscode-terminal-ansiCyan: #11a8cd; --vscode-terminal-ansiMagenta: #bc3fbc; --vscode-editorIndentGuide-background1: #404040;
    --vscode-editorHoverWidget-background: #252526; --vscode-editorHoverWidget-foreground: #cccccc; --vscode-editorHoverWidget-border: #454545;`,
  'vscode-light': `--vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-editor-font-family: monospace;
    --vscode-foreground: #616161; --vscode-descriptionForeground: #717171; --vscode-editor-background: #ffffff;
    --vscode-editorWidget-background: #f3f3f3; --vscode-focusBorder: #0090f1; --vscode-panel-border: #80808059;
    --vscode-button-background: #007acc; --vscode-button-foreground: #ffffff; --vscode-button-hoverBackground: #0062a3;
    --vscode-button-secondaryBackground: #5f6a79; --vscode-button-secondaryForeground: #ffffff; --vscode-button-secondaryHoverBackground: #4c5561;
    --vscode-textBlockQuote-background: #f2f2f2; --vscode-editor-selectionBackground: #add6ff; --vscode-textLink-foreground: #006ab1;
    --vscode-charts-blue: #1a85ff; --vscode-charts-orange: #d18616; --vscode-charts-green: #388a34; --vscode-charts-purple: #652d90;
    --vscode-terminal-ansiCyan: #0598bc; --vscode-terminal-ansiMagenta: #bc05bc; --vscode-editorIndentGuide-background1: #d3d3d3;
    --vscode-editorHoverWidget-background: #f3f3f3; --vscode-editorHoverWidget-foreground: #616161; --vscode-editorHoverWidget-border: #c8c8c8;`,
};

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function servePanelPage(root: string, bodyClass = 'vscode-dark'): Promise<PageServer> {
  const nonce = 'benchNonce0123456789';
  let origin = '';
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      const html = panelHtml({
        cspSource: origin, nonce,
        scriptUri: `${origin}/dist/webview.js`,
        katexCssUri: `${origin}/dist/katex/katex.min.css`,
        baseCssUri: `${origin}/media/base.css`,
        panelCssUri: `${origin}/media/panel.css`,
        title: 'Backprop · test.nnet',
      })
        .replace('<body>', `<body class="${bodyClass}">`)
        .replace('</head>', `<link rel="stylesheet" nonce="${nonce}" href="${origin}/theme.css">\n</head>`)
        .replace(`<script nonce="${nonce}"`, `<script nonce="${nonce}" src="${origin}/fake-api.js"></script>\n<script nonce="${nonce}"`);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    if (path === '/theme.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(`html { ${THEMES[bodyClass] ?? THEMES['vscode-dark']} }`);
      return;
    }
    if (path === '/fake-api.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(FAKE_API);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !/^\/(dist|media)\//.test(path)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url: `${origin}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
