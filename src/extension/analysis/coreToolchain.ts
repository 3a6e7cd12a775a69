import { runEngine } from '../../core/engine/run';
import { parseSpec } from '../../core/parser/parse';
import { buildTrace } from '../../core/trace/build';
import type { Toolchain } from './toolchain';

/** The real core behind the analyses: the parser, the engine and the trace builder. */
export const coreToolchain: Toolchain = {
  parse: (text, files) => parseSpec(text, { files }),
  run: (network) => runEngine(network),
  trace: (network, result, exampleIndex, options) => buildTrace(network, result, exampleIndex, options),
};
