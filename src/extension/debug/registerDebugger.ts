import * as vscode from 'vscode';
import { NnetDebugSession } from '../../debug/nnetDebugSession';
import { MOVE_TO_REQUEST, POSITION_EVENT, type PositionEventBody } from '../../debug/positionProtocol';
import type { Services } from '../services';
import { DEBUG_TYPE, documentOfProgram, isProgramOf, launchConfiguration, NnetConfigurationProvider, programOf } from './debugConfiguration';
import { editorSpecReader } from './editorSpecReader';
import { registerInlineValues } from './inlineValues';

/**
 * Backpropagation as a debug session inside VS Code: the `nnet` debug type runs its adapter
 * inline (the same NnetDebugSession `nnet dap` serves over stdio), F5 on a spec needs no
 * launch.json, the editor title has Debug and Run buttons, and one stepping position is shared:
 * when the session stops, the panel, lenses and hints follow it; when the learner moves with
 * the extension's own Step commands, the session moves there too.
 */
export function registerDebugger(services: Services): vscode.Disposable {
  const { settings, positions, analyses } = services;
  const sessions = new Set<vscode.DebugSession>();
  /** The position each running session last reported, by session id: changes equal to it are the session's own. */
  const reported = new Map<string, PositionEventBody>();
  const debugSpec = (noDebug: boolean) => (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return;
    void vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(target), launchConfiguration(target, noDebug), { noDebug });
  };

  return vscode.Disposable.from(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new NnetConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, { provideDebugConfigurations: () => new NnetConfigurationProvider().provideDebugConfigurations() }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, {
      createDebugAdapterDescriptor: () => {
        const current = settings.current;
        const session = new NnetDebugSession(editorSpecReader(analyses), { digits: current.significantDigits, weightOrder: current.weightOrder, granularity: current.stepGranularity });
        return new vscode.DebugAdapterInlineImplementation(session);
      },
    }),
    registerInlineValues(services),
    vscode.commands.registerCommand('backpropStepper.debugSpec', debugSpec(false)),
    vscode.commands.registerCommand('backpropStepper.runSpec', debugSpec(true)),
    // The session stopped: the extension's position follows.
    vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => {
      if (event.session.type !== DEBUG_TYPE || event.event !== POSITION_EVENT) return;
      const body = event.body as PositionEventBody;
      reported.set(event.session.id, body);
      const document = documentOfProgram(body.program);
      if (document) positions.set(document, { example: body.example, step: body.step });
    }),
    // The learner moved with the extension's commands: the session follows.
    positions.onDidChange(({ uri, position }) => {
      for (const session of sessionsOn(uri)) {
        const last = reported.get(session.id);
        if (last && last.example === position.example && last.step === position.step) continue;
        reported.set(session.id, { program: programOf(uri), ...position });
        void session.customRequest(MOVE_TO_REQUEST, { example: position.example, step: position.step }).then(undefined, () => undefined);
      }
    }),
    vscode.debug.onDidStartDebugSession((session) => {
      if (session.type === DEBUG_TYPE) sessions.add(session);
    }),
    vscode.debug.onDidTerminateDebugSession((session) => {
      sessions.delete(session);
      reported.delete(session.id);
    }),
  );

  function sessionsOn(uri: vscode.Uri): vscode.DebugSession[] {
    return [...sessions].filter((s) => isProgramOf(s.configuration.program, uri) && !s.configuration.noDebug);
  }
}
