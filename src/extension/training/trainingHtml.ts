/**
 * The Training panel's HTML page: a shell that loads uPlot's stylesheet (media/uplot.css), the
 * panel's own (media/training.css) and the bundled script (dist/trainingView.js), all from the
 * extension's files through webview URIs — nothing remote, nothing inline. The Content Security
 * Policy is the stepping panel's (panel/panelHtml.ts says why each directive is there): the
 * charts and the map are drawn on canvases and styled through the CSSOM, which it allows.
 */
import { webviewPage } from '../panel/panelHtml';

export interface TrainingHtmlInput {
  /** webview.cspSource */
  readonly cspSource: string;
  /** A fresh random nonce for this page. */
  readonly nonce: string;
  /** Webview URIs (as strings) of dist/trainingView.js, media/base.css, media/uplot.css and media/training.css. */
  readonly scriptUri: string;
  readonly baseCssUri: string;
  readonly uplotCssUri: string;
  readonly trainingCssUri: string;
  /** The page title; escaped here, because it holds the spec's file name. */
  readonly title: string;
}

/** The files the page loads, relative to the extension's root: the panel's localResourceRoots must hold them. */
export const TRAINING_PAGE_FILES = {
  script: ['dist', 'trainingView.js'],
  uplotCss: ['media', 'uplot.css'],
  trainingCss: ['media', 'training.css'],
} as const;

export function trainingHtml(input: TrainingHtmlInput): string {
  return webviewPage({ ...input, stylesheets: [input.uplotCssUri, input.trainingCssUri] });
}
