import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Worker-thread scripts bundled for one test file as scripts/build.mjs bundles them for dist/,
 * all into one temporary folder, so that a worker finds its siblings there as it does in dist/
 * (the training worker its product threads, say). Call at the top level of a test file; the
 * folder and paths are valid inside its tests, and the folder goes after the last of them.
 */
export interface BundledWorkers<Name extends string> {
  /** The temporary folder (tests may write stand-in scripts into it). */
  readonly folder: string;
  /** The bundled script of `name`: `<folder>/<name>.js`. */
  path(name: Name): string;
}

export function bundledWorkers<Name extends string>(entries: Readonly<Record<Name, string>>): BundledWorkers<Name> {
  let folder = '';
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'backprop-workers-'));
    for (const [name, entry] of Object.entries<string>(entries)) {
      await esbuild.build({ entryPoints: [entry], outfile: join(folder, `${name}.js`), bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    }
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return {
    get folder() {
      return folder;
    },
    path: (name) => join(folder, `${name}.js`),
  };
}

/** The entry of the helper threads large products are shared out to (src/node/productThreads.ts). */
export const PRODUCT_THREAD_ENTRY = 'src/node/productThreadMain.ts';
