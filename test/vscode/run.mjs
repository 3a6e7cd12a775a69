// Runs the in-editor test suite (test/vscode/*.test.ts) inside a real VS Code with this
// extension loaded from the working tree.
//
//   npm run test:vscode                                  downloads VS Code stable (needs internet)
//   VSCODE_EXECUTABLE=/path/to/code npm run test:vscode  uses an installed VS Code, offline
//   npm run test:vscode -- --code-server                 no desktop VS Code: the same suite in
//                                                        code-server's extension host, driven by
//                                                        Chromium (see runInCodeServer.mjs)
//   npm run test:vscode -- --code-server analysis        only the suites whose file names contain
//                                                        one of the words given
//
// The suite is bundled with esbuild into out/vscode-test/ first (`vscode` and `mocha` stay
// external: the extension host provides the one, node_modules the other). `npm run test:vscode`
// builds dist/extension.js before calling this.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'out/vscode-test');
const testsPath = join(out, 'index.js');
// The examples folder is the workspace, so file events for .nnet files reach the extension.
const workspace = join(root, 'examples');
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const suites = readdirSync(join(root, 'test/vscode'))
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)));
if (suites.length === 0) throw new Error(`no in-editor suite matches ${filters.join(', ')}`);

// A fresh folder each time: index.js runs every *.test.js it finds there, so a bundle left from a
// suite that no longer exists must not run again.
rmSync(out, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['test/vscode/index.ts', ...suites.map((name) => `test/vscode/${name}`)],
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

if (process.argv.includes('--code-server')) {
  const { runInCodeServer } = await import('./runInCodeServer.mjs');
  process.exitCode = await runInCodeServer({ root, workspace, testsPath });
} else {
  process.exitCode = await runInDesktop();
}

async function runInDesktop() {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
  try {
    return await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: 'stable' }),
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      extensionTestsEnv: { BACKPROP_STEPPER_ROOT: root },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        // A fresh profile each run: no settings or state leak in from earlier runs.
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'backprop-stepper-vscode-'))}`,
      ],
    });
  } catch (error) {
    console.error('The in-editor tests could not run:', error);
    if (!vscodeExecutablePath) console.error('Set VSCODE_EXECUTABLE=/path/to/code to use an installed VS Code, or pass --code-server.');
    return 1;
  }
}
