import { InitializedEvent, TerminatedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DebugRuntime } from '../core/debug/runtime';
import type { ExceptionFilterId } from '../core/debug/types';
import { adapterCapabilities } from './capabilities';
import { launchPlan, type NnetLaunchArguments } from './launchArguments';
import { MOVE_TO_REQUEST, type MoveToArguments } from './positionProtocol';
import { InspectingSession } from './inspectingSession';
import * as shape from './protocolShapes';
import { SpecLink } from './specLink';

/**
 * The Debug Adapter Protocol over the debug runtime (src/core/debug/runtime.ts), for one session
 * on one spec: `new NnetDebugSession(reader, options)`, then `start(input, output)` for a stream
 * (`nnet dap`) or, inside VS Code, as a DebugAdapterInlineImplementation. The SpecReader says
 * where the spec's text lives (the editor buffer, or the file). Every request maps onto one
 * runtime call; the session converts between the protocol and the runtime's 0-based vocabulary
 * and orders the events. A request the runtime cannot answer gets an error response with the
 * runtime's sentence; a spec with errors stops with them instead of numbers.
 *
 * This file holds the session's life (initialize, launch, configuration, the end), breakpoints,
 * moves (with the editor's own `nnetMoveTo`, see positionProtocol.ts) and setVariable; the
 * reading requests are in inspectingSession.ts.
 */
export class NnetDebugSession extends InspectingSession {
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));

  protected override initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
    this.clientOpensUris = args.clientID === 'vscode';
    response.body = adapterCapabilities();
    this.sendResponse(response);
    // `initialized` is sent by launch once the spec is read, so breakpoints are checked against it.
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured();
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: NnetLaunchArguments): void {
    this.guard(response, async () => {
      const plan = launchPlan(args);
      if (typeof plan === 'string') throw new Error(plan);
      this.plan = plan;
      this.runtime = new DebugRuntime(this.options);
      this.link = new SpecLink(this.reader, plan.program, this.runtime, (line) => this.console(line));
      await this.link.open();
      this.sendEvent(new InitializedEvent());
      await this.configurationDone;
      const result = this.link.blocked ? null : this.runtime.start(plan.example, plan.noDebug ? false : plan.stopOnEntry);
      this.sendResponse(response);
      this.started = result !== null;
      if (result === null) this.stopBlocked();
      else this.report(result);
      if (plan.noDebug) this.sendEvent(new TerminatedEvent());
      else this.link.follow(() => this.afterReload());
    });
  }

  // ── Breakpoints ──────────────────────────────────────────────────────────────────────────────

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    this.guard(response, () => {
      const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
      const runtime = this.runtime;
      if (runtime === null || !this.link?.isProgram(args.source)) {
        const message = runtime === null ? 'The session has not read its spec yet.' : `Breakpoints stop only in the spec being debugged, ${this.link!.label}.`;
        response.body = { breakpoints: requested.map((bp) => ({ verified: false, message, line: bp.line })) };
      } else {
        this.breakpointRequests = requested.map((bp) => ({
          line: this.convertClientLineToDebugger(bp.line),
          ...(bp.column !== undefined ? { column: this.convertClientColumnToDebugger(bp.column) } : {}),
          ...(bp.condition ? { condition: bp.condition } : {}),
          ...(bp.hitCondition ? { hitCondition: bp.hitCondition } : {}),
          ...(bp.logMessage ? { logMessage: bp.logMessage } : {}),
        }));
        const infos = runtime.setBreakpoints(this.breakpointRequests);
        response.body = { breakpoints: infos.map((info) => shape.breakpoint(this.places(), info)) };
      }
      this.sendResponse(response);
    });
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    this.guard(response, () => {
      const breakpoints: DebugProtocol.BreakpointLocation[] = [];
      if (this.runtime && this.link?.isProgram(args.source)) {
        const first = this.convertClientLineToDebugger(args.line);
        const last = this.convertClientLineToDebugger(args.endLine ?? args.line);
        for (let line = first; line <= last; line++)
          for (const place of this.runtime.breakpointLocations(line))
            breakpoints.push(shape.clientRange(this.places(), { start: { line: place.line, character: place.column }, end: { line: place.endLine, character: place.endColumn } }));
      }
      response.body = { breakpoints };
      this.sendResponse(response);
    });
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.guard(response, () => {
      // In the protocol's order: the plain filters, then those with options (conditions).
      const filters = [
        ...(args.filters ?? []).map((filterId) => ({ filterId: filterId as ExceptionFilterId })),
        ...(args.filterOptions ?? []).map((option) => ({ filterId: option.filterId as ExceptionFilterId, ...(option.condition ? { condition: option.condition } : {}) })),
      ];
      response.body = { breakpoints: this.ready().setExceptionFilters(filters) };
      this.sendResponse(response);
    });
  }

  // ── Moving ───────────────────────────────────────────────────────────────────────────────────

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.move(response, (runtime) => runtime.stepOver(args.threadId));
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.move(response, (runtime) => runtime.stepIn(args.threadId, args.targetId));
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.move(response, (runtime) => runtime.stepOut(args.threadId));
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse, args: DebugProtocol.ContinueArguments): void {
    response.body = { allThreadsContinued: true };
    this.move(response, (runtime) => runtime.continue(args.threadId));
  }

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse, args: DebugProtocol.StepBackArguments): void {
    this.move(response, (runtime) => runtime.stepBack(args.threadId));
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse, args: DebugProtocol.ReverseContinueArguments): void {
    this.move(response, (runtime) => runtime.reverseContinue(args.threadId));
  }

  protected override gotoRequest(response: DebugProtocol.GotoResponse, args: DebugProtocol.GotoArguments): void {
    this.move(response, (runtime) => runtime.goto(args.threadId, args.targetId));
  }

  /** The editor's own Step commands moved its position (positionProtocol.ts): the session goes there too. */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown, request?: DebugProtocol.Request): void {
    if (command !== MOVE_TO_REQUEST) return super.customRequest(command, response, args, request);
    const { example, step } = (args ?? {}) as Partial<MoveToArguments>;
    if (!Number.isInteger(example) || !Number.isInteger(step)) return this.guard(response, () => Promise.reject(new Error(`${MOVE_TO_REQUEST} needs a whole example and step.`)));
    this.move(response, (runtime) => runtime.moveTo(example!, step!));
  }

  /** Every move is instant, so the session is always stopped: pause says where it stands. */
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.guard(response, () => {
      this.sendResponse(response);
      if (this.link?.blocked) this.stopBlocked();
      else if (this.lastStop) this.announce({ ...this.lastStop, reason: 'pause', text: undefined, hitBreakpointIds: undefined });
    });
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    this.guard(response, async () => {
      const runtime = this.ready();
      const link = this.link!;
      if (!link.canWrite) throw new Error('This session cannot change the spec: its host gives it no way to write. Edit the number in the spec instead.');
      const result = runtime.setVariable(args.variablesReference, args.name, args.value);
      if ('error' in result) throw new Error(result.error);
      if (!(await link.write(result.edit))) throw new Error('The spec was not changed: its host refused the edit.');
      response.body = { value: result.value };
      this.sendResponse(response);
      await link.reload();
    });
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.link?.dispose();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments, request?: DebugProtocol.Request): void {
    this.link?.dispose();
    super.disconnectRequest(response, args, request);
  }
}
