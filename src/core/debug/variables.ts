import { formatNumber } from '../notation/format';
import * as sym from '../notation/symbols';
import type { StepSnapshot } from '../stepping/snapshot';
import { spanAt, type PackedSpans, type Range } from '../text/range';
import type { StepKind, TraceStep } from '../trace/types';
import type { LoadedSpec } from './loadedSpec';
import type { ScopeInfo, VariableInfo } from './types';

/** Digits of the numbers in the Variables view: enough to check a derivation against another tool. */
export const VARIABLE_DIGITS = 12;

/** What the Variables view says of a quantity the stepping has not reached. */
export const NOT_COMPUTED = 'not computed yet';

/**
 * A container in the Variables view: a scope, a vector or a matrix. Children are made when the
 * client pages through them (start, count), so a 784-128-10 layer answers at once.
 */
interface Node {
  readonly named: number;
  readonly indexed: number;
  children(start: number, count: number): VariableInfo[];
  /** The spec number a child stands for, so setVariable can edit it; null when it is computed. */
  place?(name: string): Range | null;
}

/** One entry of a vector or matrix row: its name, value (null: not reached), expression and spec number. */
interface Entry {
  readonly name: string;
  readonly value: number | null;
  readonly evaluateName: string;
  readonly place: Range | null;
}

/**
 * The containers of one stop, numbered as the client opens them (every thread's tree shares
 * one numbering). References are valid until the next stop, as the protocol allows.
 */
export class VariableHandles {
  private readonly nodes: Node[] = [];

  add(node: Node): number {
    this.nodes.push(node);
    return this.nodes.length;
  }

  get(reference: number): Node | undefined {
    return this.nodes[reference - 1];
  }

  variables(reference: number, start = 0, count?: number): VariableInfo[] {
    const node = this.get(reference);
    if (!node) return [];
    const total = node.named + node.indexed;
    const from = Math.max(0, Math.min(start, total));
    return node.children(from, Math.max(0, Math.min(count ?? total, total - from)));
  }

  /** The spec number behind variable `name` of container `reference`, or null when it is computed. */
  place(reference: number, name: string): Range | null {
    return this.get(reference)?.place?.(name) ?? null;
  }
}

/** The variables of one thread at one stop: its scopes, and the containers under them. */
export class VariableTree {
  constructor(
    private readonly spec: LoadedSpec,
    private readonly snapshot: StepSnapshot,
    private readonly handles: VariableHandles,
  ) {}

  scopes(step: TraceStep | null): ScopeInfo[] {
    const network = this.spec.network!;
    const scopes: ScopeInfo[] = [];
    if (step) scopes.push(this.scope('Step', this.stepNode(step), false));
    network.layers.forEach((_, l) => scopes.push({ ...this.scope(`Layer ${l}`, this.layerNode(l), network.layers[l].size > 64), range: this.spec.source.layers[l]?.header ?? null }));
    scopes.push(this.scope('Example', this.exampleNode(), false));
    scopes.push(this.scope('Network', this.networkNode(), false));
    return scopes;
  }

  private scope(name: string, node: Node, expensive: boolean): ScopeInfo {
    return { name, variablesReference: this.add(node), namedVariables: node.named, indexedVariables: node.indexed, expensive };
  }

  private add(node: Node): number {
    return this.handles.add(node);
  }

  private stepNode(step: TraceStep): Node {
    const items: VariableInfo[] = [
      plain('value', text(step.value)),
      plain('formula', `${step.symbolText} = ${step.formulaText}`),
      plain('numbers', step.substitutedText),
      ...step.factors.map((factor, i) => plain(`factor ${i + 1}: ${factor.text}`, text(factor.value))),
    ];
    return listNode(items);
  }

  private layerNode(l: number): Node {
    const network = this.spec.network!;
    const n = network.layers[l].size;
    const s = this.snapshot;
    const source = this.spec.source.layers[l];
    const order = this.spec.weightOrder;
    if (l === 0) return listNode([this.vector('a⁽⁰⁾ = x', n, (j) => entry(sym.a(0, j).text, s.values.a[0][j - 1], `a(0)[${j}]`, spanOf(this.spec.source.examples[s.example]?.x ?? null, j - 1)))]);
    const computed = (kind: StepKind, letter: string, expression: string) =>
      this.vector(letter, n, (j) => entry(symbolOf(kind, l, j), s.known({ kind, layer: l, j, k: 0 }), `${expression}(${l})[${j}]`, null));
    const p = network.layers[l - 1].size;
    const weights = network.layers[l].weights;
    return listNode([
      computed('z', `z${sym.layerText(l)}`, 'z'),
      computed('a', `a${sym.layerText(l)}`, 'a'),
      computed('dcda', `∂cᵢ/∂a${sym.layerText(l)}`, 'dc/da'),
      computed('dadz', `σ′(z${sym.layerText(l)})`, 'dadz'),
      computed('delta', `δ${sym.layerText(l)}`, 'delta'),
      this.matrix(`w${sym.layerText(l)}`, p, n, (k, j) => entry(sym.w(l, k, j, order).text, weights[(k - 1) * n + j - 1], `w(${l})[${indices(order, k, j)}]`, spanOf(source?.weights ?? null, (k - 1) * n + j - 1))),
      this.vector(`b${sym.layerText(l)}`, n, (j) => entry(sym.b(l, j).text, network.layers[l].biases[j - 1], `b(${l})[${j}]`, spanOf(source?.biases ?? null, j - 1))),
      this.matrix(`∂cᵢ/∂w${sym.layerText(l)}`, p, n, (k, j) => entry(sym.dcdw(l, k, j, order).text, s.known({ kind: 'dw', layer: l, j, k }), `dci/dw(${l})[${indices(order, k, j)}]`, null)),
      computed('db', `∂cᵢ/∂b${sym.layerText(l)}`, 'dci/db'),
    ]);
  }

  private exampleNode(): Node {
    const s = this.snapshot;
    const example = this.spec.network!.examples[s.example];
    const source = this.spec.source.examples[s.example];
    const cost = s.known({ kind: 'cost', layer: this.spec.network!.layers.length - 1, j: 0, k: 0 });
    return listNode([
      this.vector('x', example.x.length, (k) => entry(`x${sym.subscriptsText('i', k)}`, example.x[k - 1], `x[${k}]`, spanOf(source?.x ?? null, k - 1))),
      this.vector('y', example.y.length, (j) => entry(`y${sym.subscriptsText('i', j)}`, example.y[j - 1], `y[${j}]`, spanOf(source?.y ?? null, j - 1))),
      plain('cᵢ', cost === null ? NOT_COMPUTED : text(cost), 'c_i'),
      plain('i', String(s.example + 1)),
    ]);
  }

  private networkNode(): Node {
    const network = this.spec.network!;
    const engine = this.spec.engine!;
    const order = this.spec.weightOrder;
    const L = network.layers.length - 1;
    const layers = (name: string, make: (l: number) => VariableInfo) => {
      const items: VariableInfo[] = [];
      for (let l = 1; l <= L; l++) items.push(make(l));
      return this.container(name, `${L} layers`, listNode(items));
    };
    const size = (l: number) => [network.layers[l - 1].size, network.layers[l].size] as const;
    return listNode([
      plain('η', text(network.learningRate), 'eta'),
      plain('c', text(engine.cost), 'c'),
      plain('m', String(engine.exampleCount)),
      layers('∂c/∂w', (l) => this.matrix(`∂c/∂w${sym.layerText(l)}`, ...size(l), (k, j) => entry(sym.meanDcdw(l, k, j, order).text, engine.gradient.w[l][(k - 1) * size(l)[1] + j - 1], `dc/dw(${l})[${indices(order, k, j)}]`, null))),
      layers('∂c/∂b', (l) => this.vector(`∂c/∂b${sym.layerText(l)}`, size(l)[1], (j) => entry(sym.meanDcdb(l, j).text, engine.gradient.b[l][j - 1], `dc/db(${l})[${j}]`, null))),
      layers('w after the step', (l) => this.matrix(`w${sym.layerText(l)} − η∂c/∂w${sym.layerText(l)}`, ...size(l), (k, j) => entry(sym.w(l, k, j, order).text, engine.updated.w[l][(k - 1) * size(l)[1] + j - 1], '', null))),
      layers('b after the step', (l) => this.vector(`b${sym.layerText(l)} − η∂c/∂b${sym.layerText(l)}`, size(l)[1], (j) => entry(sym.b(l, j).text, engine.updated.b[l][j - 1], '', null))),
      plain('c after the step', text(engine.updated.cost)),
    ]);
  }

  /** A vector of n entries (1-based), summarised in its value and paged as indexed children. */
  private vector(name: string, n: number, entryAt: (j: number) => Entry): VariableInfo {
    const node: Node = {
      named: 0,
      indexed: n,
      children: (start, count) => Array.from({ length: count }, (_, q) => leaf(entryAt(start + q + 1))),
      place: (childName) => findPlace(n, entryAt, childName),
    };
    return this.container(name, summary(n, entryAt), node);
  }

  /** A matrix of rows k = 1 … p, each a vector of n entries. */
  private matrix(name: string, p: number, n: number, entryAt: (k: number, j: number) => Entry): VariableInfo {
    const node: Node = {
      named: 0,
      indexed: p,
      children: (start, count) => Array.from({ length: count }, (_, q) => this.vector(`row ${start + q + 1}`, n, (j) => entryAt(start + q + 1, j))),
    };
    return this.container(name, `[${p}×${n}]`, node);
  }

  private container(name: string, value: string, node: Node): VariableInfo {
    return { name, value, variablesReference: this.add(node), namedVariables: node.named, indexedVariables: node.indexed };
  }
}

/** A weight's two indices as the expression language reads them in the weight order in force. */
function indices(order: sym.WeightOrder, k: number, j: number): string {
  return order === 'to-from' ? `${j},${k}` : `${k},${j}`;
}

function entry(name: string, value: number | null, evaluateName: string, place: Range | null): Entry {
  return { name, value, evaluateName, place };
}

function leaf(e: Entry): VariableInfo {
  return {
    name: e.name,
    value: e.value === null ? NOT_COMPUTED : text(e.value),
    variablesReference: 0,
    ...(e.evaluateName ? { evaluateName: e.evaluateName } : {}),
    ...(e.place ? { editable: true } : {}),
  };
}

function plain(name: string, value: string, evaluateName?: string): VariableInfo {
  return { name, value, variablesReference: 0, ...(evaluateName ? { evaluateName } : {}) };
}

function listNode(items: readonly VariableInfo[]): Node {
  return { named: items.length, indexed: 0, children: (start, count) => items.slice(start, start + count) };
}

function text(value: number): string {
  return formatNumber(value, VARIABLE_DIGITS);
}

/** "[3] 0.5, 0.25, ·": the first few entries, with · for those not computed yet. */
function summary(n: number, entryAt: (j: number) => Entry): string {
  const shown = Math.min(n, 4);
  const parts: string[] = [];
  for (let j = 1; j <= shown; j++) {
    const value = entryAt(j).value;
    parts.push(value === null ? '·' : formatNumber(value));
  }
  return `[${n}] ${parts.join(', ')}${n > shown ? ', …' : ''}`;
}

function findPlace(n: number, entryAt: (j: number) => Entry, name: string): Range | null {
  for (let j = 1; j <= n; j++) {
    const e = entryAt(j);
    if (e.name === name) return e.place;
  }
  return null;
}

function spanOf(spans: PackedSpans | null, index: number): Range | null {
  return spans !== null && 3 * index + 2 < spans.length ? spanAt(spans, index) : null;
}

function symbolOf(kind: StepKind, l: number, j: number): string {
  switch (kind) {
    case 'z':
      return sym.z(l, j).text;
    case 'a':
      return sym.a(l, j).text;
    case 'dcda':
      return sym.dcda(l, j).text;
    case 'dadz':
      return sym.sigmaPrime(l, j).text;
    case 'delta':
      return sym.delta(l, j).text;
    default:
      return sym.dcdb(l, j).text;
  }
}
