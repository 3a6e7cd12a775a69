import { DEFAULT_PROBE_STEP, ParameterProbe } from '../engine/parameterProbe';
import type { KernelChoice } from '../engine/workspace';
import type { Network } from '../model/network';
import { b as biasSymbol, DEFAULT_WEIGHT_ORDER, w as weightSymbol, type WeightOrder } from '../notation/symbols';
import { DEFAULT_TOLERANCE, judge, relativeErrorFloor } from './judge';
import { sortWorstFirst, type CheckReport, type CheckRow } from './report';
import { planCheck, type CheckPlan, type PlanOptions } from './sample';

/**
 * One gradient check, run a few probes at a time so that a worker can report progress and a
 * cancel can stop it between any two: the plan (sample.ts) is fixed when it is made, backprop's
 * gradient and c are computed once, then `advance` probes the planned parameters in order.
 */

export interface CheckOptions extends PlanOptions {
  /** Default DEFAULT_TOLERANCE. */
  readonly tolerance?: number;
  /** The relative step (default 10⁻⁵). */
  readonly step?: number;
  /** How weights are written in the rows' symbols (default the article's from-to). */
  readonly weightOrder?: WeightOrder;
  readonly kernel?: KernelChoice;
}

export class GradientCheckRun {
  readonly plan: CheckPlan;
  private readonly probe: ParameterProbe;
  private readonly rows: CheckRow[] = [];
  private readonly tolerance: number;
  private readonly step: number;
  private readonly order: WeightOrder;

  constructor(
    private readonly network: Network,
    options: CheckOptions = {},
  ) {
    this.plan = planCheck(network, options);
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    this.step = options.step ?? DEFAULT_PROBE_STEP;
    this.order = options.weightOrder ?? DEFAULT_WEIGHT_ORDER;
    this.probe = new ParameterProbe(network, this.step, options.kernel);
  }

  get done(): number {
    return this.rows.length;
  }

  get finished(): boolean {
    return this.rows.length >= this.plan.parameters.length;
  }

  /** Probes up to `count` more planned parameters; returns how many are done. */
  advance(count: number): number {
    const end = Math.min(this.plan.parameters.length, this.rows.length + Math.max(0, count));
    for (let q = this.rows.length; q < end; q++) this.rows.push(this.row(q));
    return this.rows.length;
  }

  /** Runs the rest and returns the report. */
  complete(): CheckReport {
    this.advance(Infinity);
    return this.report();
  }

  /** The rows probed so far, worst first (the whole check's once finished). */
  report(): CheckReport {
    const rows = sortWorstFirst([...this.rows]);
    return {
      sizes: this.network.layers.map((layer) => layer.size),
      total: this.plan.total,
      checked: rows.length,
      planned: this.plan.parameters.length,
      sampled: this.plan.sampled,
      examples: this.network.examples.length - (this.network.validation?.length ?? 0),
      cost: this.probe.cost,
      tolerance: this.tolerance,
      step: this.step,
      floor: relativeErrorFloor(this.probe.cost),
      rows,
      failures: rows.filter((row) => row.verdict === 'fail').length,
      kinks: rows.filter((row) => row.verdict === 'kink').length,
      clamped: rows.filter((row) => row.verdict === 'clamped').length,
      multiplyAdds: this.plan.multiplyAdds,
    };
  }

  private row(q: number): CheckRow {
    const at = this.plan.parameters[q];
    const n = this.network.layers[at.layer].size;
    const to = (at.index % n) + 1;
    const from = at.kind === 'w' ? Math.floor(at.index / n) + 1 : null;
    const probe = this.probe.probe(at);
    const backprop = this.probe.exact(at);
    const { relativeError, verdict } = judge(probe, backprop, this.probe.cost, this.tolerance, this.probe.flatExact(at));
    const symbol = from === null ? biasSymbol(at.layer, to) : weightSymbol(at.layer, from, to, this.order);
    return { kind: at.kind, layer: at.layer, from, to, index: at.index, symbol, backprop, numeric: probe.central, relativeError, verdict };
  }
}
