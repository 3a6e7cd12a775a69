import { workerData } from 'node:worker_threads';
import { serveProducts } from '../core/engine/wasm/productHelper';
import type { HelperStart } from '../core/engine/wasm/parallel';

/**
 * A helper thread for large products (dist/productThread.js, started by productThreads.ts):
 * serves its control block until it is told to stop, then the thread ends.
 */
serveProducts(workerData as HelperStart);
