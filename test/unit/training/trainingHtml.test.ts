import { describe, expect, it } from 'vitest';
import { TRAINING_PAGE_FILES, trainingHtml } from '../../../src/extension/training/trainingHtml';

/** The Training panel's page: a strict policy, and only the extension's own files. */
describe('the Training panel page', () => {
  const html = trainingHtml({
    cspSource: 'https://ext.test',
    nonce: 'N0nce',
    scriptUri: 'https://ext.test/dist/trainingView.js',
    baseCssUri: 'https://ext.test/media/base.css',
    uplotCssUri: 'https://ext.test/media/uplot.css',
    trainingCssUri: 'https://ext.test/media/training.css',
    title: 'Training: <a&b>.nnet',
  });

  it('allows scripts by nonce only, and styles from the extension', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(csp).toBe("default-src 'none'; style-src https://ext.test 'nonce-N0nce'; font-src https://ext.test; img-src https://ext.test data:; script-src 'nonce-N0nce'");
    expect(html).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('loads the base stylesheet, uPlot’s, then the panel’s, then the bundled script, and escapes the title', () => {
    const loaded = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    expect(loaded).toEqual(['https://ext.test/media/base.css', 'https://ext.test/media/uplot.css', 'https://ext.test/media/training.css', 'https://ext.test/dist/trainingView.js']);
    expect(html.match(/nonce="N0nce"/g)).toHaveLength(4);
    expect(html).toContain('<title>Training: &lt;a&amp;b&gt;.nnet</title>');
    expect(TRAINING_PAGE_FILES).toEqual({ script: ['dist', 'trainingView.js'], uplotCss: ['media', 'uplot.css'], trainingCss: ['media', 'training.css'] });
  });
});
