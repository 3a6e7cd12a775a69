/**
 * The network as an SVG picture: a column of neurons per layer, an edge per weight, the cost
 * at the right. Each neuron shows its activation a once it is computed and its δ once the
 * backward pass reaches it; the current quantity and the current step's factors are outlined
 * in their colours. Every neuron and edge carries `data-ref`, so tooltips and "reveal in spec"
 * work by event delegation (see tooltip.ts).
 *
 * The picture is built when the layers or their windows change; a step only rewrites classes
 * and numbers of the elements already there.
 */
import type { LayerView, ViewMessage } from '../src/shared/panelMessages';
import { s } from './dom';
import { siteKey, type Highlights } from './highlight';
import { layoutDiagram, NEURON_RADIUS, type EdgeLine, type NeuronBox } from './layout';
import { formatValue, refKey, symbolText } from './refs';

interface Drawn {
  readonly svg: SVGSVGElement;
  readonly neurons: { readonly box: NeuronBox; readonly g: SVGGElement; readonly value: SVGTextElement; readonly delta: SVGTextElement }[];
  readonly edges: { readonly edge: EdgeLine; readonly line: SVGLineElement }[];
  readonly cost: { readonly g: SVGGElement; readonly value: SVGTextElement };
}

function shapeKey(view: ViewMessage): string {
  return view.layers.map((l) => `${l.index}:${l.size}:${l.start}:${l.count}:${l.activation}`).join('|');
}

export class DiagramView {
  readonly root: HTMLElement;
  private shape = '';
  private drawn: Drawn | null = null;

  constructor(root: HTMLElement) {
    this.root = root;
  }

  render(view: ViewMessage, highlights: Highlights): void {
    const shape = shapeKey(view);
    if (!this.drawn || shape !== this.shape) {
      this.shape = shape;
      this.drawn = build(view);
      this.root.replaceChildren(this.drawn.svg);
    }
    update(this.drawn, view, highlights);
  }
}

function build(view: ViewMessage): Drawn {
  const layout = layoutDiagram(view.layers);
  const L = view.layers.length - 1;
  const svg = s('svg', { class: 'diagram', viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, role: 'img' });
  const edgeGroup = s('g', { class: 'edges' });
  const edges = layout.edges.map((edge) => {
    const weight = view.layers[edge.layer].w[edge.slot];
    const line = s('line', {
      x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2,
      'stroke-width': (1 + Math.min(3, Math.abs(weight) * 2)).toFixed(2),
      'data-ref': refKey({ kind: 'w', layer: edge.layer, j: edge.j, k: edge.k }),
    });
    edgeGroup.append(line);
    return { edge, line };
  });
  svg.append(edgeGroup);
  for (const layer of view.layers) svg.append(layerHeading(layer, layout.neurons.find((n) => n.layer === layer.index)?.x ?? 0, L));
  const neuronGroup = s('g', { class: 'neurons' });
  const neurons = layout.neurons.map((box) => {
    const ref = box.layer === 0 ? { kind: 'x' as const, layer: 0, j: box.j, k: 0 } : { kind: 'a' as const, layer: box.layer, j: box.j, k: 0 };
    const value = s('text', { x: box.x, y: box.y + 4, class: 'value' });
    const delta = s('text', { x: box.x, y: box.y + NEURON_RADIUS + 12, class: 'delta' });
    const g = s('g', { 'data-ref': refKey(ref) }, s('circle', { cx: box.x, cy: box.y, r: NEURON_RADIUS }), value, delta);
    neuronGroup.append(g);
    return { box, g, value, delta };
  });
  svg.append(neuronGroup);
  for (const label of layout.more) svg.append(s('text', { x: label.x, y: label.y + 4, class: 'more' }, label.text));
  if (layout.edgesOmitted > 0) svg.append(s('text', { x: 8, y: layout.height - 6, class: 'more start' }, `${layout.edgesOmitted} more edges not drawn`));
  const costValue = s('text', { x: layout.cost.x, y: layout.cost.y + 4, class: 'value' });
  const costGroup = s(
    'g',
    { 'data-ref': `cost:${L}:0:0` },
    s('rect', { x: layout.cost.x - 30, y: layout.cost.y - 18, width: 60, height: 36, rx: 6 }),
    s('text', { x: layout.cost.x, y: layout.cost.y - 24, class: 'heading' }, 'cᵢ'),
    costValue,
  );
  svg.append(costGroup);
  return { svg, neurons, edges, cost: { g: costGroup, value: costValue } };
}

function setClass(element: Element, className: string): void {
  if (element.getAttribute('class') !== className) element.setAttribute('class', className);
}

function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function update(drawn: Drawn, view: ViewMessage, highlights: Highlights): void {
  const L = view.layers.length - 1;
  const siteClass = (site: string) => highlights.sites.get(site) ?? '';
  const shape = view.layers.map((l) => l.size).join('-');
  drawn.svg.setAttribute('aria-label', `Network diagram, ${shape} neurons; current quantity ${view.step ? symbolText(view.step.address) : 'none yet'}`);
  for (const { edge, line } of drawn.edges) {
    const layer = view.layers[edge.layer];
    const sign = layer.w[edge.slot] < 0 ? 'negative' : 'positive';
    const known = layer.dw[edge.slot] !== null ? ' has-gradient' : '';
    setClass(line, `edge ${sign}${known} ${siteClass(siteKey({ kind: 'w', layer: edge.layer, j: edge.j, k: edge.k }, L))}`);
  }
  for (const { box, g, value, delta } of drawn.neurons) {
    const layer = view.layers[box.layer];
    const activation = layer.a[box.slot];
    const d = box.layer > 0 ? layer.delta[box.slot] : null;
    setClass(g, `neuron${activation === null ? ' empty' : ''} ${siteClass(`n:${box.layer}:${box.j}`)}`);
    setText(value, formatValue(activation, 3));
    setText(delta, d === null ? '' : `δ ${formatValue(d, 3)}`);
  }
  setClass(drawn.cost.g, `cost-node${view.exampleCost === null ? ' empty' : ''} ${siteClass('cost')}`);
  setText(drawn.cost.value, formatValue(view.exampleCost, 4));
}

function layerHeading(layer: LayerView, x: number, outputLayer: number): SVGTextElement {
  const role = layer.index === 0 ? 'inputs' : layer.index === outputLayer ? `${layer.activation} · output` : layer.activation ?? '';
  return s('text', { x, y: 16, class: 'heading' }, `ℓ = ${layer.index} · ${role}`);
}
