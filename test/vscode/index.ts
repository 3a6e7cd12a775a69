import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const RESULT_MARKER = 'BACKPROP_STEPPER_VSCODE_TESTS_RESULT';

/**
 * The entry VS Code's extension host calls (extensionTestsPath): runs every bundled
 * `*.test.js` beside this file with mocha's TDD interface (suite / test) and rejects when any
 * test fails, which makes the run exit non-zero.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 30_000 });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      // Read by runInCodeServer.mjs, where the only way out is the console (keep in sync).
      console.log(`${RESULT_MARKER} ${JSON.stringify({ failures })}`);
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
  });
}
