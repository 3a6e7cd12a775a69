// `npm start`: builds the extension and opens VS Code on examples/ with it loaded, to try it as a
// learner would.
//   - With a desktop VS Code on PATH (`code`): `code --extensionDevelopmentPath=<repo> examples`
//     (the build is a development build, with source maps; reload the window after rebuilding).
//   - Otherwise: a local code-server (installed on demand into .cache/code-server/) with the
//     packaged .vsix installed, on a free loopback port; open the printed address in a browser and
//     log in with the random password printed beside it (any user of this machine can reach a
//     loopback port, and code-server has a terminal). Workspace trust stays on. It keeps running
//     until Ctrl+C, then stops and removes its temporary folders.
// Options: --browser forces code-server even when `code` exists; --port N picks the port.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './code-server/install.mjs';
import { installVsix, launchCodeServer, writeUserSettings } from './code-server/launch.mjs';
import { packageVsix } from './package-vsix.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repoRoot, 'examples');
const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : undefined;

function onPath(name) {
  return (process.env.PATH ?? '').split(':').some((folder) => {
    try {
      return statSync(join(folder, name)).isFile();
    } catch {
      return false;
    }
  });
}

function withDesktopCode() {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const code = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, examples], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
}

async function withCodeServer() {
  const entry = await ensureCodeServer();
  const runDir = mkdtempSync(join(tmpdir(), 'backprop-start-'));
  let server;
  let stopping;
  const stop = () => (stopping ??= (async () => {
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.log('\nstopping code-server…');
      stop().finally(() => process.exit(0));
    });
  }
  try {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    console.log('building and packaging the extension…');
    const vsix = await packageVsix({ out: join(runDir, `${manifest.name}-${manifest.version}.vsix`), log: () => {} });
    const userDataDir = join(runDir, 'user-data');
    const extensionsDir = join(runDir, 'extensions');
    await installVsix(entry, vsix, { extensionsDir, userDataDir });
    writeUserSettings(userDataDir, { 'security.workspace.trust.enabled': true });
    const password = randomBytes(18).toString('base64url');
    // The learner edits the repository's own examples/ (not a copy), as with the desktop `code`.
    server = await launchCodeServer({ entry, folder: examples, userDataDir, extensionsDir, port, password, workspaceTrust: true });
    console.log(`\nVS Code (code-server) with Backprop Stepper is at:\n\n  ${server.url}\n  password: ${password}\n\nPress Ctrl+C to stop.`);
  } catch (error) {
    console.error(error.message ?? error);
    await stop();
    process.exit(1);
  }
  // Stay up until a signal; if the server dies on its own, say so and leave.
  await new Promise((resolvePromise) => {
    const timer = setInterval(async () => {
      try {
        await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
      } catch {
        console.error('code-server stopped answering');
        clearInterval(timer);
        resolvePromise();
      }
    }, 5000);
  });
  await stop();
  process.exit(1);
}

if (!existsSync(examples)) throw new Error(`no examples/ folder in ${repoRoot}`);
if (onPath('code') && !args.includes('--browser')) withDesktopCode();
else await withCodeServer();
