/**
 * Legends in the page's own text (not drawn into a canvas), so they wrap in a narrow panel, are
 * read by screen readers and keep the theme's text colour: each entry is a small SVG sample of the
 * line (its colour and dash pattern) or the marker (its colour and shape, filled or hollow)
 * followed by its name. The samples are decoration for sighted readers (aria-hidden); the names
 * carry the meaning. SVG presentation attributes are not inline styles, so the CSP allows them.
 */
import { h, s } from '../dom';
import { svgPoints, type Marker } from './markers';

export type LegendItem =
  | { readonly kind: 'line'; readonly label: string; readonly colour: string; readonly dash: readonly number[] }
  | { readonly kind: 'marker'; readonly label: string; readonly colour: string; readonly marker: Marker; readonly hollow: boolean };

const SAMPLE = 14;

function lineSample(colour: string, dash: readonly number[]): SVGSVGElement {
  return s('svg', { class: 'sample', width: 28, height: SAMPLE, viewBox: `0 0 28 ${SAMPLE}`, 'aria-hidden': 'true', focusable: 'false' },
    s('line', { x1: 1, y1: SAMPLE / 2, x2: 27, y2: SAMPLE / 2, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash.length ? dash.join(' ') : null }));
}

/** The marker as the picture draws it; `halo` is the background ring that lifts it off the map. */
export function markerSample(colour: string, marker: Marker, hollow: boolean, halo: string): SVGSVGElement {
  const c = SAMPLE / 2;
  const size = 4.5;
  const paint = hollow ? { fill: 'none', stroke: colour, 'stroke-width': 1.6 } : { fill: colour, stroke: halo, 'stroke-width': 1 };
  const shape =
    marker.shape.kind === 'circle'
      ? s('circle', { cx: c, cy: c, r: size, ...paint })
      : s('polygon', { points: svgPoints(marker.shape.points, c, c, size), 'stroke-linejoin': 'round', ...paint });
  return s('svg', { class: 'sample', width: SAMPLE, height: SAMPLE, viewBox: `0 0 ${SAMPLE} ${SAMPLE}`, 'aria-hidden': 'true', focusable: 'false' }, shape);
}

/** A list of legend entries; `halo` is the panel's background colour. */
export function renderLegend(list: HTMLElement, items: readonly LegendItem[], halo: string): void {
  list.replaceChildren(
    ...items.map((item) =>
      h('li', {}, item.kind === 'line' ? lineSample(item.colour, item.dash) : markerSample(item.colour, item.marker, item.hollow, halo), h('span', {}, item.label)),
    ),
  );
}
