// Bundles each runtime with esbuild. `--watch` rebuilds on change; `--production` minifies.
// Entry points that do not exist yet are skipped, so the build works while the tree grows.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'es2022' };
const targets = [
  // The extension host: VS Code provides `vscode` at run time.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // The `nnet` command line.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The panel's browser code.
  { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
].filter((options) => existsSync(options.entryPoints[0]));

// KaTeX's stylesheet and fonts ship inside the extension, so the panel never loads anything remote.
mkdirSync('dist/katex', { recursive: true });
cpSync('node_modules/katex/dist/katex.min.css', 'dist/katex/katex.min.css');
cpSync('node_modules/katex/dist/fonts', 'dist/katex/fonts', { recursive: true });

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
  console.log(`watching ${targets.length} bundles`);
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
