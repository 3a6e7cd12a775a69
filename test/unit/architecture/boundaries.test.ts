import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core is shared by the CLI, the extension host and (through types) the webview, so it may
 * import nothing that only one of them has. Its tsconfig (lib ES2022, no types) already rejects
 * DOM and Node globals; this test also rejects module imports that a type-only resolution could
 * let through, such as `vscode` from @types/vscode.
 */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importedModules(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

describe('module boundaries', () => {
  it('src/core imports only its own files', () => {
    const offenders = sourceFiles('src/core').flatMap((file) =>
      importedModules(readFileSync(file, 'utf8'))
        .filter((specifier) => !specifier.startsWith('.'))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the webview imports no extension-host code', () => {
    const offenders = sourceFiles('webview').flatMap((file) =>
      importedModules(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier === 'vscode' || specifier.includes('src/extension') || specifier.startsWith('node:'))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the detector sees the imports it must reject', () => {
    expect(importedModules("import * as vscode from 'vscode';\nconst fs = require('node:fs');")).toEqual(['vscode', 'node:fs']);
  });
});
