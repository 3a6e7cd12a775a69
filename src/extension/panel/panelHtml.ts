/**
 * The panel's HTML page: a shell that loads KaTeX's stylesheet, the panel's stylesheet and the
 * bundled script, all from the extension's own files through webview URIs — nothing remote.
 *
 * Content Security Policy, and why it is this one:
 *   default-src 'none'                     nothing is allowed unless listed below
 *   style-src ${cspSource} 'nonce-N'       stylesheets only from the extension's files
 *   font-src ${cspSource}                  KaTeX's fonts, shipped in dist/katex/fonts
 *   img-src ${cspSource} data:             (KaTeX CSS has no images today; kept for SVG data URIs)
 *   script-src 'nonce-N'                   the one bundled script; no inline code, no eval
 * There is no 'unsafe-inline' for styles. KaTeX's output needs per-element styles (heights,
 * vertical offsets, colours); the panel renders with `katex.render`, which builds DOM nodes and
 * sets those styles through the CSSOM (`element.style.x = …`), and CSP does not govern CSSOM
 * writes — only style *attributes parsed from markup* and <style> elements. So KaTeX renders
 * fully under this policy, as the headless-browser check in test/bench/panel.bench.ts and the
 * e2e test confirm (no securitypolicyviolation events, KaTeX fonts loaded). The panel's own
 * code likewise never writes style="" markup (tooltips are positioned through the CSSOM).
 */
import { randomBytes } from 'node:crypto';

export interface PanelHtmlInput {
  /** webview.cspSource */
  readonly cspSource: string;
  /** A fresh random nonce for this page. */
  readonly nonce: string;
  /** Webview URIs (as strings) of dist/webview.js, media/base.css, dist/katex/katex.min.css and media/panel.css. */
  readonly scriptUri: string;
  readonly baseCssUri: string;
  readonly katexCssUri: string;
  readonly panelCssUri: string;
  /** The page title; escaped here, because it is the spec's file name. */
  readonly title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function panelHtml(input: PanelHtmlInput): string {
  return webviewPage({ ...input, stylesheets: [input.katexCssUri, input.panelCssUri] });
}

/** The stylesheet every webview page loads first (media/base.css), relative to the extension's root. */
export const BASE_CSS_FILE = ['media', 'base.css'] as const;

/**
 * The page every webview of the extension loads: the Content-Security-Policy above, the shared
 * base stylesheet then the page's own (each with the nonce), and its one bundled script, which
 * builds the page.
 */
export function webviewPage(input: { cspSource: string; nonce: string; title: string; baseCssUri: string; stylesheets: readonly string[]; scriptUri: string }): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  const attr = escapeHtml;
  const links = [input.baseCssUri, ...input.stylesheets].map((href) => `<link rel="stylesheet" nonce="${attr(input.nonce)}" href="${attr(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>${escapeHtml(input.title)}</title>
</head>
<body>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}

/** A fresh nonce from the operating system's random source: 32 base64url characters. */
export function makeNonce(): string {
  return randomBytes(24).toString('base64url');
}
