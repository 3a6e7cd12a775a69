import { parentPort } from 'node:worker_threads';
import { nodeDataFiles } from '../../../node/dataFiles';
import { defaultThreadCount, nodeProductThreads } from '../../../node/productThreads';
import { lowerThreadPriority } from '../../analysis/worker/lowPriority';
import { wireBug, type DataContext } from '../../analysis/worker/wire';
import { ChunkPacer, PROGRESS_MS } from './pacing';
import { TrainingSession } from './trainingSession';
import type { AnswerRequest, HostToTrainingWorker, TrainingWorkerReply } from './trainingWire';

/**
 * The training worker: a Node worker thread of the extension host, bundled on its own as
 * dist/trainingWorker.js (scripts/build.mjs) and started by trainingClient.ts, one per run. It
 * gathers the spec's text, parses it with its data files read from disk (or the editor's unsaved
 * text, as the analysis worker does), and trains in short chunks (pacing.ts), so that between
 * chunks it reads the host's requests: the picture at a step for the scrubber, and a step's
 * parameters for Apply and Step through. After the last step it stays, answering those, until
 * the host terminates it (the panel closed, or a new run began). The host also terminates it to
 * cancel a run: the Trainer is one synchronous computation, so there is nothing to ask to stop.
 */
const port = parentPort;
if (port === null) throw new Error('trainingWorker.js must run as a worker thread');

lowerThreadPriority();

let gathering: { pieces: string[]; data: DataContext | undefined } = { pieces: [], data: undefined };
let session: TrainingSession | null = null;
let startedAt = 0;
let lastProgress = -Infinity;
const pacer = new ChunkPacer();
/** The newest scrub not answered yet: older ones are never drawn, so they are dropped. */
let wantedSnapshot: number | null = null;
const answers: AnswerRequest[] = [];
let scheduled = false;

function post(reply: TrainingWorkerReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(reply, transfer);
}

port.on('message', (message: HostToTrainingWorker) => {
  if (message.type === 'text') {
    if (message.data) gathering.data = message.data;
    gathering.pieces.push(message.text);
    if (message.last) start();
    return;
  }
  if (message.type === 'snapshot') wantedSnapshot = message.step;
  else answers.push(message);
  schedule();
});

function start(): void {
  const text = gathering.pieces.join('');
  const data = gathering.data;
  gathering = { pieces: [], data: undefined };
  guarded(() => {
    // Data files are read here, synchronously, off the editor's thread (src/node/dataFiles.ts).
    const files = data && nodeDataFiles({ specPath: data.specPath, overlay: new Map(data.overlay) });
    // Helper threads for a large network's products start beside this one, at its low priority;
    // they end with it when the host terminates this worker.
    const opened = TrainingSession.open(text, files, nodeProductThreads(defaultThreadCount()));
    if (typeof opened === 'string') {
      post({ type: 'refused', message: opened });
      return;
    }
    session = opened;
    post({ type: 'started', facts: opened.facts });
    startedAt = performance.now();
    schedule();
  });
}

/**
 * One turn: train one chunk, then answer what was asked (after a chunk, so that the first
 * snapshot already has a cost to show); again on the next turn while there is work.
 */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(turn);
}

function turn(): void {
  scheduled = false;
  const current = session;
  if (current === null) return;
  guarded(() => {
    if (!current.isFinished) train(current);
    answer(current);
    if (!current.isFinished || wantedSnapshot !== null || answers.length > 0) schedule();
  });
}

function answer(current: TrainingSession): void {
  if (wantedSnapshot !== null) {
    const step = wantedSnapshot;
    wantedSnapshot = null;
    post(current.snapshot(step));
  }
  for (const request of answers.splice(0)) {
    const result = current.answer(request, request.step);
    const transfer = result.kind === 'parameters' ? [...result.w, ...result.b].map((values) => values.buffer as ArrayBuffer) : [];
    post({ type: 'answer', id: request.id, answer: result }, transfer);
  }
}

function train(current: TrainingSession): void {
  const before = performance.now();
  current.run(pacer.steps);
  const after = performance.now();
  pacer.took(after - before);
  if (current.isFinished) {
    post(current.progress(after - startedAt));
    post(current.finished(after - startedAt));
  } else if (after - lastProgress >= PROGRESS_MS) {
    lastProgress = after;
    post(current.progress(after - startedAt));
  }
}

/** Runs `body`; an exception ends the run, reported to the host with its stack. */
function guarded(body: () => void): void {
  try {
    body();
  } catch (error) {
    session = null;
    post({ type: 'failed', bug: wireBug('training the spec in the worker', error) });
  }
}
