// Installs code-server (VS Code in the browser) on demand into the git-ignored `.cache/code-server/`,
// the way @vscode/test-electron keeps its VS Code in `.vscode-test/`. It is ~300 MB, so it is not a
// package.json dependency: only `npm start` (without a desktop `code`) and `npm run test:e2e` need it.
//
// Public surface:
//   ensureCodeServer({ log }) -> Promise<string>   path of code-server's entry script (run it with node)
//   CODE_SERVER_VERSION                            the pinned version
// Run directly (`node scripts/code-server/install.mjs`) it installs and prints the entry path.
//
// Why by hand: code-server's own post-install script runs `npm install` inside lib/vscode, whose
// native modules try to download prebuilt binaries (and @vscode/ripgrep a ripgrep build) from the
// internet, which this project's machines cannot reach. So the package is installed with
// --ignore-scripts and its post-install is redone here offline: native modules are compiled from
// source against Node's headers, and Debian's `ripgrep` stands in for the downloaded binary.
// 4.100.3 (VS Code 1.100.3) is the newest code-server that runs on Node 20.
//
// Idempotent and cheap when present: a marker file holding the version is written last, so an
// interrupted install is wiped and redone; a lock directory keeps two concurrent callers
// (say `npm start` and the e2e runner) from installing over each other.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheRoot = join(repoRoot, '.cache', 'code-server');
const installDir = join(cacheRoot, CODE_SERVER_VERSION);
const marker = join(installDir, '.installed');
const lockDir = join(cacheRoot, `${CODE_SERVER_VERSION}.lock`);
const packageDir = join(installDir, 'node_modules', 'code-server');
const entry = join(packageDir, 'out', 'node', 'entry.js');
const vscodeDir = join(packageDir, 'lib', 'vscode');

// Native modules of VS Code's server that Linux loads (the Windows-only ones are left alone).
const NATIVE_MODULES = ['kerberos', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid'];

/** True when a complete install of the pinned version is present. */
function installed() {
  return existsSync(entry) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
}

/** Finds an executable on PATH, or undefined. */
function which(name) {
  for (const folder of (process.env.PATH ?? '').split(':')) {
    const candidate = join(folder, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return undefined;
}

/**
 * Environment for the nested npm runs: without the variables an enclosing `npm run` sets for
 * this repository (its package, its script, its prefix, which would point the installs at the
 * repository instead of the cache), but keeping the user's npm configuration (cache, nodedir…).
 * `npm_config_yes` lets node-pty's build step run its `npx` without a prompt.
 */
function npmEnv() {
  const scoped = /^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_(local_prefix|prefix|global_prefix|user_agent)$)/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !scoped.test(key)));
  return { ...env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function run(command, args, cwd, log) {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        log(`  ${command} ${args.join(' ')} (${seconds}s)`);
        resolvePromise();
      } else {
        reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${output.slice(-4000)}`));
      }
    });
  });
}

/** System tools the offline install relies on; each comes from a Debian package. */
function checkPrerequisites() {
  const missing = [];
  if (!which('rg')) missing.push('ripgrep (stands in for @vscode/ripgrep, whose install downloads a binary)');
  if (!which('krb5-config')) missing.push('libkrb5-dev (headers for the kerberos native module)');
  if (!which('make') || !(which('g++') || which('c++'))) missing.push('make and g++ (to compile native modules)');
  if (missing.length > 0) {
    throw new Error(`code-server cannot be installed; missing:\n  - ${missing.join('\n  - ')}\n` +
      'Install them with: apt-get install -y ripgrep libkrb5-dev build-essential');
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the install lock, waiting while another live process holds it. */
async function lock(log) {
  mkdirSync(cacheRoot, { recursive: true });
  for (let announced = false; ; ) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder && !pidAlive(holder)) {
        rmSync(lockDir, { recursive: true, force: true }); // left behind by a killed install
        continue;
      }
      if (!announced) log(`waiting for another code-server install (pid ${holder || '?'})…`);
      announced = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function install(log) {
  checkPrerequisites();
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (once; ~300 MB)…`);
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));

  // 1. The package itself, without its post-install script.
  await run('npm', ['install', '--ignore-scripts', '--save-exact', `code-server@${CODE_SERVER_VERSION}`], installDir, log);
  // 2. VS Code's own server dependencies (pinned by lib/vscode's shrinkwrap), again without scripts.
  await run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir, log);
  // 3. Compile the native modules from source (no prebuilt downloads).
  await run('npm', ['rebuild', ...NATIVE_MODULES], vscodeDir, log);
  // 4. Debian's ripgrep where @vscode/ripgrep would have downloaded its own (search uses it).
  const rgTarget = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rgTarget), { recursive: true });
  copyFileSync(which('rg'), rgTarget);
  chmodSync(rgTarget, 0o755);
  // 5. What the post-install's symlink_asar does: VS Code looks for some files in node_modules.asar.
  rmSync(join(vscodeDir, 'node_modules.asar'), { recursive: true, force: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  // 6. code-server's own native module (password hashing; loaded at start even with --auth none).
  await run('npm', ['rebuild', 'argon2'], installDir, log);

  writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** Installs code-server unless the pinned version is already complete; returns its entry script. */
export async function ensureCodeServer({ log = (line) => console.log(line) } = {}) {
  if (installed()) return entry;
  const unlock = await lock(log);
  try {
    if (!installed()) await install(log);
  } finally {
    unlock();
  }
  return entry;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureCodeServer()
    .then((path) => console.log(path))
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(1);
    });
}
