/**
 * What the e2e runner (test/e2e/run.mjs) tells the test files, through environment variables:
 * where code-server and the shared browser are, where to make workspaces and put screenshots.
 * The runner sets every one; running a bundled test file by hand needs them set the same way.
 */
import { resolve } from 'node:path';

export type Theme = 'light' | 'dark' | 'high-contrast';
export const ALL_THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];

export interface E2EEnvironment {
  /** code-server's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly baseUrl: string;
  /** Playwright server endpoint of the Chromium the runner launched (tests connect, never launch). */
  readonly browserEndpoint: string;
  /** A scratch folder of this run; each session copies the examples into a fresh folder under it. */
  readonly workRoot: string;
  /** The repository's examples/ folder, the learner's starting workspace. */
  readonly examplesDir: string;
  /** Where screenshots go (test-results/screenshots/ unless the runner says otherwise). */
  readonly screenshotsDir: string;
  /** code-server's User/settings.json; a session writes its theme there before the page loads. */
  readonly userSettingsFile: string;
  /** The repository root (to read package.json, say). */
  readonly repoRoot: string;
  /** `publisher.name` of the extension under test. */
  readonly extensionId: string;
  /** The themes every learner suite runs in, in order. */
  readonly themes: readonly Theme[];
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`npm run test:e2e\``);
  return value;
}

export function e2eEnvironment(): E2EEnvironment {
  const repoRoot = resolve(required('E2E_REPO_ROOT'));
  const themes = (process.env.E2E_THEMES ?? ALL_THEMES.join(',')).split(',').filter((t): t is Theme => (ALL_THEMES as readonly string[]).includes(t));
  return {
    baseUrl: required('E2E_BASE_URL'),
    browserEndpoint: required('E2E_BROWSER_ENDPOINT'),
    workRoot: required('E2E_WORK_ROOT'),
    examplesDir: process.env.E2E_EXAMPLES_DIR ?? resolve(repoRoot, 'examples'),
    screenshotsDir: process.env.E2E_SCREENSHOTS_DIR ?? resolve(repoRoot, 'test-results/screenshots'),
    userSettingsFile: required('E2E_USER_SETTINGS'),
    repoRoot,
    extensionId: required('E2E_EXTENSION_ID'),
    themes: themes.length > 0 ? themes : ['light', 'dark'],
  };
}
