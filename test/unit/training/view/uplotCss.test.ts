/**
 * media/uplot.css is uPlot's own stylesheet, committed so the Training panel loads it from the
 * extension under its CSP; it must be the one of the uPlot that is bundled. After an update of
 * uplot, copy node_modules/uplot/dist/uPlot.min.css into it again (below its comment).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('uPlot stylesheet', () => {
  it('is the installed uPlot’s, verbatim', () => {
    const shipped = readFileSync('media/uplot.css', 'utf8');
    const installed = readFileSync('node_modules/uplot/dist/uPlot.min.css', 'utf8');
    const version = (JSON.parse(readFileSync('node_modules/uplot/package.json', 'utf8')) as { version: string }).version;
    expect(shipped).toContain(installed.trim());
    expect(shipped.startsWith(`/* uPlot ${version} `)).toBe(true);
  });
});
