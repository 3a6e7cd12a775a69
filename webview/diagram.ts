/**
 * The network as an SVG picture: a column of neurons per layer, an edge per weight, the cost
 * at the right. Each neuron shows its activation a once it is computed and its δ once the
 * backward pass reaches it; the current quantity and the current step's factors are outlined
 * in their colours. Every neuron and edge carries `data-ref`, so tooltips and "reveal in spec"
 * work by event delegation (see tooltip.ts).
 */
import type { LayerView, ViewMessage } from '../src/shared/panelMessages';
import { s } from './dom';
import { siteKey, type Highlights } from './highlight';
import { layoutDiagram, NEURON_RADIUS } from './layout';
import { formatValue, refKey, symbolText } from './refs';

export function renderDiagram(view: ViewMessage, highlights: Highlights): SVGSVGElement {
  const layout = layoutDiagram(view.layers);
  const L = view.layers.length - 1;
  const shape = view.layers.map((l) => l.size).join('-');
  const current = view.step ? symbolText(view.step.address) : 'nothing yet';
  const svg = s('svg', {
    class: 'diagram',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': `Network diagram, ${shape} neurons; current quantity ${current}`,
  });
  const siteClass = (site: string) => highlights.sites.get(site) ?? '';

  const edges = s('g', { class: 'edges' });
  for (const edge of layout.edges) {
    const layer = view.layers[edge.layer];
    const weight = layer.w[edge.slot];
    const known = layer.dw[edge.slot] !== null;
    edges.append(
      s('line', {
        class: `edge ${weight < 0 ? 'negative' : 'positive'} ${known ? 'has-gradient' : ''} ${siteClass(siteKey({ kind: 'w', layer: edge.layer, j: edge.j, k: edge.k }, L))}`,
        x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2,
        'stroke-width': (1 + Math.min(3, Math.abs(weight) * 2)).toFixed(2),
        'data-ref': refKey({ kind: 'w', layer: edge.layer, j: edge.j, k: edge.k }),
      }),
    );
  }
  svg.append(edges);

  for (const layer of view.layers) svg.append(layerHeading(layer, layout.neurons.find((n) => n.layer === layer.index)?.x ?? 0, L));

  const neurons = s('g', { class: 'neurons' });
  for (const box of layout.neurons) {
    const layer = view.layers[box.layer];
    const activation = layer.a[box.slot];
    const delta = box.layer > 0 ? layer.delta[box.slot] : null;
    const ref = box.layer === 0 ? { kind: 'x' as const, layer: 0, j: box.j, k: 0 } : { kind: 'a' as const, layer: box.layer, j: box.j, k: 0 };
    const g = s('g', { class: `neuron ${activation === null ? 'empty' : ''} ${siteClass(`n:${box.layer}:${box.j}`)}`, 'data-ref': refKey(ref) });
    g.append(s('circle', { cx: box.x, cy: box.y, r: NEURON_RADIUS }));
    g.append(s('text', { x: box.x, y: box.y + 4, class: 'value' }, formatValue(activation, 3)));
    if (delta !== null) g.append(s('text', { x: box.x, y: box.y + NEURON_RADIUS + 12, class: 'delta' }, `δ ${formatValue(delta, 3)}`));
    neurons.append(g);
  }
  svg.append(neurons);

  for (const label of layout.more) svg.append(s('text', { x: label.x, y: label.y + 4, class: 'more' }, label.text));
  if (layout.edgesOmitted > 0) svg.append(s('text', { x: 8, y: layout.height - 6, class: 'more start' }, `${layout.edgesOmitted} more edges not drawn`));

  const cost = s('g', { class: `cost-node ${view.exampleCost === null ? 'empty' : ''} ${siteClass('cost')}`, 'data-ref': `cost:${L}:0:0` });
  cost.append(s('rect', { x: layout.cost.x - 30, y: layout.cost.y - 18, width: 60, height: 36, rx: 6 }));
  cost.append(s('text', { x: layout.cost.x, y: layout.cost.y - 24, class: 'heading' }, 'cᵢ'));
  cost.append(s('text', { x: layout.cost.x, y: layout.cost.y + 4, class: 'value' }, formatValue(view.exampleCost, 4)));
  svg.append(cost);
  return svg;
}

function layerHeading(layer: LayerView, x: number, outputLayer: number): SVGTextElement {
  const role = layer.index === 0 ? 'inputs' : layer.index === outputLayer ? `${layer.activation} · output` : layer.activation ?? '';
  return s('text', { x, y: 16, class: 'heading' }, `ℓ = ${layer.index} · ${role}`);
}
