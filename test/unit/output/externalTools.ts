/**
 * The programs the export tests hand their documents to: pdflatex (Debian's texlive-latex-base
 * and texlive-latex-recommended) and the system Python with nbformat and NumPy (python3-nbformat,
 * python3-numpy). The system interpreter is /usr/bin/python3 on purpose: a `python3` earlier on
 * PATH may be a version manager's shim without those modules.
 *
 * Where a program is missing, its tests are skipped on a developer's machine and fail in CI
 * (CI is set there), whose .ci/run installs them: a check that silently never runs proves nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SYSTEM_PYTHON = '/usr/bin/python3';

function found(command: string, args: readonly string[]): boolean {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0;
}

export const HAS_PDFLATEX = found('pdflatex', ['--version']);
export const HAS_NBFORMAT = existsSync(SYSTEM_PYTHON) && found(SYSTEM_PYTHON, ['-c', 'import nbformat']);
export const HAS_NUMPY = existsSync(SYSTEM_PYTHON) && found(SYSTEM_PYTHON, ['-c', 'import numpy']);

/** Whether a test that needs `available` runs: always in CI (and fails there when it is missing), else only when present. */
export function runsWith(available: boolean): boolean {
  return available || Boolean(process.env.CI);
}
