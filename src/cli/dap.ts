import type { RuntimeOptions } from '../core/debug/runtime';
import type { Granularity } from '../core/stepping/position';
import { WEIGHT_ORDERS, type WeightOrder } from '../core/notation/symbols';
import { fileSpecReader } from '../debug/fileSpecReader';
import { NnetDebugSession } from '../debug/nnetDebugSession';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from './command';

/**
 * `nnet dap`: serves one debug session over standard input and output in the Debug Adapter
 * Protocol, so any editor with a DAP client (nvim-dap, Emacs dap-mode, Zed, …) can step through
 * backpropagation as VS Code does. The spec is the file on disk (see fileSpecReader.ts).
 * Standard output carries the protocol and nothing else; anything else goes to standard error.
 */

const USAGE = `usage: nnet dap [--digits D] [--weight-order ORDER] [--step neuron|layer]

Serves a debug session in the Debug Adapter Protocol over standard input and output,
for editors that speak it (nvim-dap, Emacs dap-mode, Zed, a JetBrains DAP client).
The client's launch request names the spec:
  { "type": "nnet", "request": "launch", "program": "FILE.nnet", "stopOnEntry": true, "example": 1 }
The spec is read from disk and read again when the file changes; setting a weight, bias,
input or target writes the new number into the file. Standard output carries only the
protocol. The session ends when the client disconnects.

options:
  --digits D            significant digits of the numbers in stops and the Debug Console (default 6)
  --weight-order ORDER  how a weight's indices are written: from-to (w⁽ℓ⁾ₖⱼ, the default) or to-from (w⁽ℓ⁾ⱼₖ)
  --step neuron|layer   what Step Over moves by: one quantity (the default) or one layer
  -h, --help            show this help`;

const GRANULARITIES: readonly Granularity[] = ['neuron', 'layer'];

function parseArgs(args: readonly string[], io: CliIO): RuntimeOptions | number {
  let options: RuntimeOptions = {};
  for (let q = 0; q < args.length; q++) {
    const arg = args[q];
    if (arg === '-h' || arg === '--help') {
      io.out(USAGE);
      return EXIT_OK;
    } else if (arg === '--digits') {
      const n = Number(args[++q]);
      if (!Number.isInteger(n) || n < 1 || n > 17) return usageError(io, `--digits expects a whole number from 1 to 17, got '${args[q] ?? ''}'`);
      options = { ...options, digits: n };
    } else if (arg === '--weight-order') {
      const order = args[++q];
      if (!WEIGHT_ORDERS.includes(order as WeightOrder)) return usageError(io, `--weight-order expects ${WEIGHT_ORDERS.join(' or ')}, got '${order ?? ''}'`);
      options = { ...options, weightOrder: order as WeightOrder };
    } else if (arg === '--step') {
      const step = args[++q];
      if (!GRANULARITIES.includes(step as Granularity)) return usageError(io, `--step expects ${GRANULARITIES.join(' or ')}, got '${step ?? ''}'`);
      options = { ...options, granularity: step as Granularity };
    } else return usageError(io, arg.startsWith('-') ? `unknown option '${arg}'` : `takes no FILE: the client's launch request names the spec ('${arg}')`);
  }
  return options;
}

function usageError(io: CliIO, message: string): number {
  io.err(`nnet dap: ${message}`);
  io.err(USAGE);
  return EXIT_USAGE;
}

/** Runs a session on `input` and `output` until the client goes away. */
export function serveDap(options: RuntimeOptions, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const session = new NnetDebugSession(fileSpecReader(), options);
  return new Promise((resolve) => {
    session.on('close', () => resolve());
    session.start(input, output);
  });
}

export const dapCommand: Command = {
  summary: 'serve a debug session over standard input/output (Debug Adapter Protocol)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const options = parseArgs(args, io);
    if (typeof options === 'number') return options;
    // A stray console.log anywhere would corrupt the protocol: send it to standard error.
    console.log = console.info = console.debug = (...values: unknown[]) => console.error(...values);
    process.on('SIGTERM', () => process.exit(EXIT_OK));
    await serveDap(options, process.stdin, process.stdout);
    return EXIT_OK;
  },
};
