import * as vscode from 'vscode';

/** The debug type of backpropagation sessions (package.json contributes.debuggers). */
export const DEBUG_TYPE = 'nnet';

/** A launch configuration for `uri`: stop at z⁽¹⁾₁ of example 1. */
export function launchConfiguration(uri: vscode.Uri, noDebug = false): vscode.DebugConfiguration {
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Backprop: ${vscode.workspace.asRelativePath(uri)}`,
    program: uri.fsPath,
    stopOnEntry: !noDebug,
    ...(noDebug ? { noDebug: true } : {}),
  };
}

/**
 * F5 on a `.nnet` file with no launch.json: the configuration is filled in for the active
 * spec; an explicit one without `program` gets the active spec too. Without a spec open the
 * user is told so, and the launch is cancelled (undefined).
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
      return { ...config, program: spec.fsPath };
    }
    return config;
  }
}
