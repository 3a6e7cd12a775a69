import { parentPort } from 'node:worker_threads';
import { GradientCheckRun } from '../../../core/gradientCheck/run';
import type { WeightOrder } from '../../../core/notation/symbols';
import { parseSpec } from '../../../core/parser/parse';
import { nodeDataFiles } from '../../../node/dataFiles';
import { lowerThreadPriority } from '../../analysis/worker/lowPriority';
import { wireBug, type DataContext } from '../../analysis/worker/wire';
import { ChunkPacer, PROGRESS_MS } from '../../training/worker/pacing';
import { whyUncheckable } from './checkable';
import type { GradientWorkerReply, HostToGradientWorker } from './gradientCheckWire';

/**
 * The gradient-check worker: a Node worker thread of the extension host, bundled on its own as
 * dist/gradientCheckWorker.js (scripts/build.mjs) and started by gradientCheckClient.ts, one per
 * check. It gathers the spec's text, parses it with its data files (from disk, or the editor's
 * unsaved text, as the other workers do), and probes the planned parameters in short chunks
 * (the training worker's pacing), posting progress between them, then the report. The host
 * terminates it to cancel, and once the report has arrived.
 */
const port = parentPort;
if (port === null) throw new Error('gradientCheckWorker.js must run as a worker thread');

lowerThreadPriority();

let weightOrder: WeightOrder = 'from-to';
let pieces: string[] = [];
let data: DataContext | undefined;

function post(reply: GradientWorkerReply): void {
  port!.postMessage(reply);
}

port.on('message', (message: HostToGradientWorker) => {
  if (message.type === 'options') {
    weightOrder = message.weightOrder;
    return;
  }
  if (message.data) data = message.data;
  pieces.push(message.text);
  if (message.last) guarded(start);
});

function start(): void {
  const text = pieces.join('');
  pieces = [];
  const files = data && nodeDataFiles({ specPath: data.specPath, overlay: new Map(data.overlay) });
  const { network, diagnostics } = parseSpec(text, files ? { files } : {});
  const why = whyUncheckable(network, diagnostics);
  if (network === null || why !== null) {
    post({ type: 'refused', message: why ?? 'it has errors; fix them first' });
    return;
  }
  const run = new GradientCheckRun(network, { weightOrder });
  post({ type: 'planned', planned: run.plan.parameters.length, total: run.plan.total, sampled: run.plan.sampled });
  const pacer = new ChunkPacer();
  let lastProgress = performance.now();
  const chunk = () =>
    guarded(() => {
      const before = performance.now();
      run.advance(pacer.steps);
      const after = performance.now();
      pacer.took(after - before);
      if (run.finished) {
        post({ type: 'progress', done: run.done });
        post({ type: 'report', report: run.report() });
        return;
      }
      if (after - lastProgress >= PROGRESS_MS) {
        lastProgress = after;
        post({ type: 'progress', done: run.done });
      }
      setImmediate(chunk);
    });
  setImmediate(chunk);
}

/** Runs `body`; an exception ends the check, reported to the host with its stack. */
function guarded(body: () => void): void {
  try {
    body();
  } catch (error) {
    post({ type: 'failed', bug: wireBug('checking the gradient in the worker', error) });
  }
}
