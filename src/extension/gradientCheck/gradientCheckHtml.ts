/**
 * The Check Gradients panel's HTML page: a shell that loads its stylesheet
 * (media/gradientCheck.css) and its bundled script (dist/gradientCheckView.js) from the
 * extension's files through webview URIs, under the stepping panel's strict Content Security
 * Policy (panel/panelHtml.ts says why each directive is there). The page needs no KaTeX: its
 * symbols are the plain Unicode notation, w⁽²⁾₁₂.
 */
import { webviewPage } from '../panel/panelHtml';

export interface GradientCheckHtmlInput {
  /** webview.cspSource */
  readonly cspSource: string;
  /** A fresh random nonce for this page. */
  readonly nonce: string;
  /** Webview URIs (as strings) of dist/gradientCheckView.js, media/base.css and media/gradientCheck.css. */
  readonly scriptUri: string;
  readonly baseCssUri: string;
  readonly cssUri: string;
  /** The page title; escaped by webviewPage, because it holds the spec's file name. */
  readonly title: string;
}

/** The files the page loads, relative to the extension's root: the panel's localResourceRoots must hold them. */
export const GRADIENT_CHECK_PAGE_FILES = {
  script: ['dist', 'gradientCheckView.js'],
  css: ['media', 'gradientCheck.css'],
} as const;

export function gradientCheckHtml(input: GradientCheckHtmlInput): string {
  return webviewPage({ ...input, stylesheets: [input.cssUri] });
}
