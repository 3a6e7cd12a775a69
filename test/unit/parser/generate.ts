import { mulberry32 } from '../../../src/core/model/initialise';

/**
 * Writes valid specs of any size for tests and benchmarks: every layer's `w` (one line per
 * row) and `b`, then examples, with numbers formatted the way people write them.
 */
export interface GeneratedSpec {
  readonly sizes: readonly number[];
  /** Activation of layers 1 … L; sigmoid when absent. */
  readonly activations?: readonly string[];
  /** Write `w` and `b` out (default) or leave them to the seed. */
  readonly parameters?: boolean;
  readonly examples?: number;
  /** Add examples until the spec has this many lines (overrides `examples`). */
  readonly totalLines?: number;
  readonly seed?: number;
}

export function generateSpec(options: GeneratedSpec): string {
  const next = mulberry32(options.seed ?? 99);
  const number = () => {
    const r = next();
    if (r < 0.1) return (next() * 2 - 1).toExponential(3);
    return (next() * 2 - 1).toFixed(r < 0.5 ? 4 : 2);
  };
  const row = (n: number) => Array.from({ length: n }, number).join(' ');
  const { sizes } = options;
  const lines = [`network "generated ${sizes.join('-')}"`, 'cost squared', 'learning-rate 0.1', '', `layer 0: ${sizes[0]} inputs`];
  for (let l = 1; l < sizes.length; l++) {
    lines.push(`layer ${l}: ${sizes[l]} ${options.activations?.[l - 1] ?? 'sigmoid'}`);
    if (options.parameters === false) continue;
    for (let k = 0; k < sizes[l - 1]; k++) lines.push(`${k === 0 ? '  w ' : '    '}${row(sizes[l])}`);
    lines.push(`  b ${row(sizes[l])}`);
  }
  lines.push('');
  const target = () => Array.from({ length: sizes[sizes.length - 1] }, () => (next() < 0.5 ? '0' : '1')).join(' ');
  const count = options.totalLines !== undefined ? options.totalLines - lines.length : (options.examples ?? 1);
  for (let i = 0; i < count; i++) lines.push(`example x ${row(sizes[0])} y ${target()}`);
  return lines.join('\n');
}
