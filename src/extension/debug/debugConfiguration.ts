import * as vscode from 'vscode';

/** The debug type of backpropagation sessions (package.json contributes.debuggers). */
export const DEBUG_TYPE = 'nnet';

/**
 * How a launch names the spec at `uri`: a file by its path (as launch.json and `nnet dap` name
 * it), any other document — a training step's read-only copy, say — by its URI, which the
 * adapter keeps as it is and shows VS Code as that document (src/debug/specProgram.ts).
 */
export function programOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** Whether the launch `program` names the document at `uri` (a file's path, or a document's URI however it was encoded). */
export function isProgramOf(program: unknown, uri: vscode.Uri): boolean {
  if (typeof program !== 'string') return false;
  if (uri.scheme === 'file') return program === uri.fsPath;
  try {
    return vscode.Uri.parse(program, true).toString() === uri.toString();
  } catch {
    return false;
  }
}

/** The open document a launch `program` names, if any. */
export function documentOfProgram(program: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => isProgramOf(program, document.uri));
}

/** The URI of a launch `program`: a document's URI as written, else a file path. */
export function uriOfProgram(program: string): vscode.Uri {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(program) ? vscode.Uri.parse(program, true) : vscode.Uri.file(program);
}

/** A launch configuration for `uri`: stop at z⁽¹⁾₁ of example 1. */
export function launchConfiguration(uri: vscode.Uri, noDebug = false): vscode.DebugConfiguration {
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Backprop: ${uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.path.split('/').pop()}`,
    program: programOf(uri),
    stopOnEntry: !noDebug,
    ...(noDebug ? { noDebug: true } : {}),
  };
}

/**
 * F5 on a `.nnet` file with no launch.json: the configuration is filled in for the active
 * spec; an explicit one without `program` gets the active spec too. Without a spec open the
 * user is told so, and the launch is cancelled (undefined). A `program` of `${file}` with a
 * spec open that is no file (a training step's copy) gets that document's URI: VS Code resolves
 * `${file}` for files only, and would refuse to start.
 */
export class NnetConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{ type: DEBUG_TYPE, request: 'launch', name: 'Step through backpropagation', program: '${file}', stopOnEntry: true }];
  }

  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const editor = vscode.window.activeTextEditor;
    const spec = editor?.document.languageId === 'nnet' ? editor.document.uri : undefined;
    if (!config.type && !config.request && !config.name) {
      if (!spec) {
        void vscode.window.showInformationMessage('Open a .nnet spec to step through its backpropagation.');
        return undefined;
      }
      return launchConfiguration(spec);
    }
    if (!config.program) {
      if (!spec) {
        void vscode.window.showInformationMessage('The launch configuration names no program, and no .nnet spec is open.');
        return undefined;
      }
      return { ...config, program: programOf(spec) };
    }
    if (config.program === '${file}' && spec && spec.scheme !== 'file') return { ...config, program: programOf(spec) };
    return config;
  }
}
