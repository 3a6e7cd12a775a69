// Type-checks every runtime against its own tsconfig (see tsconfig.json for why they differ).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['src/core', 'src/cli', 'src/extension', 'webview', 'test'];
let failed = false;
for (const project of projects) {
  const config = `${project}/tsconfig.json`;
  if (!existsSync(config)) continue;
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed: ${config}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
