// Bundles each runtime with esbuild. `--watch` rebuilds on change; `--production` minifies.
// Entry points that do not exist yet are skipped, so the build works while the tree grows.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'es2022' };
const targets = [
  // The extension host: VS Code provides `vscode` at run time.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // The analysis worker thread the extension host starts for specs too large to analyse on its
  // own thread (src/extension/analysis/worker/): the parser and the engine, without `vscode`.
  { ...common, entryPoints: ['src/extension/analysis/worker/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs' },
  // The training worker thread, one per run of Backprop: Train (src/extension/training/worker/).
  { ...common, entryPoints: ['src/extension/training/worker/trainingWorker.ts'], outfile: 'dist/trainingWorker.js', platform: 'node', format: 'cjs' },
  // The gradient-check worker thread, one per run of Backprop: Check Gradients (src/extension/gradientCheck/worker/).
  { ...common, entryPoints: ['src/extension/gradientCheck/worker/gradientCheckWorker.ts'], outfile: 'dist/gradientCheckWorker.js', platform: 'node', format: 'cjs' },
  // A helper thread for large products (src/node/productThreads.ts), started by the CLI's and the
  // training worker's trainers: it sits beside them in dist/.
  { ...common, entryPoints: ['src/node/productThreadMain.ts'], outfile: 'dist/productThread.js', platform: 'node', format: 'cjs' },
  // The `nnet` command line.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The panel's browser code.
  { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
  // The Training panel's browser code.
  { ...common, entryPoints: ['webview/training/main.ts'], outfile: 'dist/trainingView.js', platform: 'browser', format: 'iife' },
  // The gradient check panel's browser code.
  { ...common, entryPoints: ['webview/gradientCheck/main.ts'], outfile: 'dist/gradientCheckView.js', platform: 'browser', format: 'iife' },
].filter((options) => existsSync(options.entryPoints[0]));

// KaTeX's stylesheet and fonts ship inside the extension, so the panel never loads anything remote.
// Only the WOFF2 fonts: every VS Code webview reads them, so the WOFF and TrueType copies KaTeX
// lists as fallbacks would be dead weight (two thirds of the fonts' size). The stylesheet is
// rewritten to name just those, and the build stops if KaTeX's @font-face rules change shape.
rmSync('dist/katex', { recursive: true, force: true });
mkdirSync('dist/katex/fonts', { recursive: true });
const katexCss = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');
const fallbacks = /(url\(fonts\/[\w-]+\.woff2\) format\("woff2"\)),url\(fonts\/[\w-]+\.woff\) format\("woff"\),url\(fonts\/[\w-]+\.ttf\) format\("truetype"\)/g;
const fontFaces = katexCss.split('@font-face').length - 1;
const woff2Only = katexCss.replace(fallbacks, '$1');
if (fontFaces === 0 || woff2Only.split('format("woff2")').length - 1 !== fontFaces || /\.(woff|ttf)\)/.test(woff2Only)) {
  throw new Error(`build: KaTeX's @font-face rules no longer read "woff2, woff, truetype"; update scripts/build.mjs`);
}
writeFileSync('dist/katex/katex.min.css', woff2Only);
for (const font of readdirSync('node_modules/katex/dist/fonts').filter((name) => name.endsWith('.woff2'))) {
  cpSync(`node_modules/katex/dist/fonts/${font}`, `dist/katex/fonts/${font}`);
}

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
  console.log(`watching ${targets.length} bundles`);
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
