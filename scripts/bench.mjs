// `npm run bench [name…]`: bundles each test/bench/*.bench.ts with esbuild and runs it with Node,
// one process per benchmark so that one's garbage and JIT state never colour another's figures.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

const filters = process.argv.slice(2);
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();
mkdirSync('.cache/bench', { recursive: true });
// The analysis worker, bundled as scripts/build.mjs bundles it for dist/: the analysis benchmark
// starts it as a worker thread, and must not depend on a dist/ left from an older build.
// The training worker likewise, for the training benchmark's main-thread pauses.
// And the helper thread large products are shared out to (the training benchmark's threaded runs).
for (const [entry, out] of [
  ['src/extension/analysis/worker/analysisWorker.ts', 'analysisWorker.js'],
  ['src/extension/training/worker/trainingWorker.ts', 'trainingWorker.js'],
  ['src/node/productThreadMain.ts', 'productThread.js'],
])
  await esbuild.build({
    entryPoints: [entry], outfile: `.cache/bench/${out}`,
    bundle: true, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'warning',
  });

let failed = false;
for (const file of files) {
  const outfile = `.cache/bench/${basename(file, '.ts')}.cjs`;
  await esbuild.build({
    entryPoints: [`test/bench/${file}`], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'es2022',
    // TensorFlow.js stays a normal package: its WebAssembly files are found next to its own code.
    external: ['@tensorflow/*'], logLevel: 'warning',
  });
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
