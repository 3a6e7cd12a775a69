// Packages the extension as the real .vsix a learner would install: a production build (minified,
// no source maps), then `vsce package --no-dependencies`, which ships exactly what .vscodeignore
// lets through (every runtime dependency is bundled into dist/, so node_modules stays out).
//
// Public surface:
//   packageVsix({ out?, log? }) -> Promise<string>   absolute path of the written .vsix
// Run directly (`npm run package`, optionally `-- --out FILE`) it writes
// backprop-stepper-<version>.vsix in the repository root (git-ignored) unless --out says otherwise.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(args, log) {
  return new Promise((resolvePromise, reject) => {
    // stdin is closed so that a vsce question (it asks when, say, LICENSE is missing) fails the
    // run at once instead of waiting forever in CI.
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        log(output.trim());
        resolvePromise(output);
      } else reject(new Error(`node ${args.join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}

export async function packageVsix({ out, log = (text) => text && console.log(text) } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const target = resolve(repoRoot, out ?? `${name}-${version}.vsix`);
  await run(['scripts/build.mjs', '--production'], log);
  // The manifest names no public repository (and needs none to install), so vsce is told not to
  // ask for one (--allow-missing-repository) and to leave the README's relative links (to LICENSE,
  // examples/…) as they are instead of rewriting them against a repository URL, which it
  // otherwise refuses to do without one (--no-rewrite-relative-links).
  await run([join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository',
    '--no-rewrite-relative-links', '--out', target], log);
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outIndex = process.argv.indexOf('--out');
  packageVsix({ out: outIndex > 0 ? process.argv[outIndex + 1] : undefined }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
