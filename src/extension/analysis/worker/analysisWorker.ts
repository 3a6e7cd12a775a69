import { parentPort } from 'node:worker_threads';
import type { DataFiles } from '../../../core/data/files';
import { runEngine } from '../../../core/engine/run';
import { parseSpec } from '../../../core/parser/parse';
import { nodeDataFiles } from '../../../node/dataFiles';
import { computeAnalysis } from '../analyse';
import { lowerThreadPriority } from './lowPriority';
import { analysedReply, wireBug, type DataContext, type TextPiece, type WireBug, type WorkerReply } from './wire';

/**
 * The analysis worker: a Node worker thread of the extension host, bundled on its own as
 * dist/analysisWorker.js (scripts/build.mjs) and started by workerPool.ts. It gathers a spec's
 * text, piece by piece, then parses it and runs the engine, one analysis at a time, and sends the
 * result back without copying its arrays again (wire.ts). It keeps nothing between analyses. It is never asked to stop half way: the main
 * thread terminates it instead, when a newer version of the spec makes its work pointless.
 */
const port = parentPort;
if (port === null) throw new Error('analysisWorker.js must run as a worker thread');

const toolchain = { parse: (text: string, files?: DataFiles) => parseSpec(text, { files }), run: runEngine };

// Background work yields to the editor.
lowerThreadPriority();

/** The pieces of the text received so far, for analysis `id`. */
let gathering: { id: number; pieces: string[]; data: DataContext | undefined } = { id: 0, pieces: [], data: undefined };

port.on('message', (piece: TextPiece) => {
  if (piece.id !== gathering.id) gathering = { id: piece.id, pieces: [], data: piece.data };
  gathering.pieces.push(piece.text);
  if (!piece.last) return;
  const text = gathering.pieces.join('');
  const data = gathering.data;
  gathering = { id: 0, pieces: [], data: undefined };
  const bugs: WireBug[] = [];
  try {
    // Data files are read here, synchronously, off the editor's thread (src/node/dataFiles.ts).
    const files = data && nodeDataFiles({ specPath: data.specPath, overlay: new Map(data.overlay) });
    const parts = computeAnalysis(text, toolchain, (what, error) => bugs.push(wireBug(what, error)), files);
    const { reply, transfer } = analysedReply(piece.id, parts, bugs);
    port.postMessage(reply satisfies WorkerReply, transfer);
  } catch (error) {
    const reply: WorkerReply = { type: 'failed', id: piece.id, bug: wireBug('analysing the spec in the worker', error) };
    port.postMessage(reply);
  }
});
