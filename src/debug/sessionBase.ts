import { BreakpointEvent, DebugSession, Event, OutputEvent, StoppedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugRuntime, RuntimeOptions } from '../core/debug/runtime';
import type { BreakpointRequest, MoveResult, Stop } from '../core/debug/types';
import type { LaunchPlan } from './launchArguments';
import { PagingHints } from './pagingHints';
import { POSITION_EVENT, type PositionEventBody } from './positionProtocol';
import * as shape from './protocolShapes';
import type { SpecLink } from './specLink';
import { programName, programSource } from './specProgram';
import type { SpecReader } from './specReader';

/**
 * What every request of the nnet debug session shares: the session's state (the runtime, the
 * link to the spec's text, the last stop) and how an answer goes back. A request's work runs in
 * `guard`, so whatever it throws becomes that request's error response, never a crash; a move
 * answers, then sends the move's lines to the Debug Console, then the stop, then the position
 * (the `nnetPosition` event an editor that follows the session listens for). The requests
 * themselves are in inspectingSession.ts (reading) and nnetDebugSession.ts (the rest).
 */
export abstract class NnetSessionBase extends DebugSession {
  protected runtime: DebugRuntime | null = null;
  protected link: SpecLink | null = null;
  protected plan: LaunchPlan | null = null;
  protected lastStop: Stop | null = null;
  /** Whether the runtime has a position: false while the spec has had errors since launch. */
  protected started = false;
  protected readonly hints = new PagingHints();
  /**
   * Whether the client opens a Source whose path is a URI as that document: VS Code does (it says
   * `clientID: "vscode"` in initialize). Matters only for a program that is no file (specProgram.ts).
   */
  protected clientOpensUris = false;
  /** The spec's breakpoints as last set (0-based), checked again against each new version. */
  protected breakpointRequests: readonly BreakpointRequest[] = [];
  /** The runtime's position at the last stop, and where the session was when the spec last broke. */
  private position: { example: number; step: number } | null = null;
  private pausedAt: { example: number; step: number } | null = null;

  constructor(
    protected readonly reader: SpecReader,
    protected readonly options: RuntimeOptions = {},
  ) {
    super();
    // The runtime counts lines and columns from 0; the client says in `initialize` how it counts.
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  /** Runs a request's work; whatever it throws becomes the request's error response, never a crash. */
  protected guard(response: DebugProtocol.Response, work: () => void | Promise<void>): void {
    Promise.resolve()
      .then(work)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.sendErrorResponse(response, { id: 1, format: message, showUser: false });
      });
  }

  /** The runtime, once launch has read the spec. */
  protected ready(): DebugRuntime {
    if (this.runtime === null || this.link === null) throw new Error('The session has no spec yet: launch it first.');
    return this.runtime;
  }

  /** A move: the response, then the move's lines for the Debug Console, then where it stopped. */
  protected move(response: DebugProtocol.Response, run: (runtime: DebugRuntime) => MoveResult): void {
    this.guard(response, () => {
      const runtime = this.ready();
      if (this.link!.blocked) throw new Error('The spec has errors: fix them and the session goes on from where it was.');
      const result = run(runtime);
      this.sendResponse(response);
      this.report(result);
    });
  }

  /** A move's outcome: its lines for the Debug Console, the stop, then the position for an editor that follows it. */
  protected report(result: MoveResult): void {
    for (const line of result.output) this.console(line);
    this.position = this.runtime?.position() ?? null;
    this.announce(result.stop);
    if (this.position !== null) {
      const body: PositionEventBody = { program: this.link!.program, ...this.position };
      this.sendEvent(new Event(POSITION_EVENT, body));
    }
  }

  protected announce(stop: Stop): void {
    this.lastStop = stop;
    this.hints.clear(); // references are valid until the next stop
    const event: DebugProtocol.StoppedEvent = new StoppedEvent(stop.reason, stop.threadId, stop.text);
    event.body.description = stop.description;
    if (stop.hitBreakpointIds && stop.hitBreakpointIds.length > 0) event.body.hitBreakpointIds = [...stop.hitBreakpointIds];
    event.body.allThreadsStopped = true;
    this.sendEvent(event);
  }

  /** A spec with errors pauses the session with them (they are already in the Debug Console). */
  protected stopBlocked(): void {
    // The runtime forgets positions while the spec cannot run; remember where the session was.
    this.pausedAt ??= this.position;
    const errors = this.link!.problems.filter((p) => p.severity === 'error').length;
    const name = programName(this.link!.program);
    const text = errors === 0 ? `${name} has no examples` : `${errors} ${errors === 1 ? 'error' : 'errors'} in ${name}`;
    this.announce({ reason: 'exception', threadId: this.blockedThread(), description: 'the spec has errors', text });
  }

  protected blockedThread(): number {
    return this.lastStop?.threadId ?? this.plan?.example ?? 1;
  }

  /** After the spec changed: stop again where the session was (or start, if it never could), on the new numbers. */
  protected afterReload(): void {
    const runtime = this.runtime!;
    // A breakpoint may have become verified (the errors are fixed) or lost its number: tell the client.
    if (this.breakpointRequests.length > 0)
      for (const info of runtime.setBreakpoints(this.breakpointRequests)) this.sendEvent(new BreakpointEvent('changed', shape.breakpoint(this.places(), info)));
    if (this.link!.blocked) return this.stopBlocked();
    // Between runnable versions the runtime keeps each thread on its quantity; after a version
    // with errors the session goes back to where it was paused.
    const position = this.started ? (this.pausedAt ?? runtime.position()) : null;
    this.pausedAt = null;
    this.started = true;
    this.report(position !== null ? runtime.moveTo(position.example, position.step) : runtime.start(this.plan!.example, this.plan!.stopOnEntry));
  }

  protected console(line: string): void {
    // 'stdout', not 'console': VS Code draws the console category in its warning colour, and
    // these lines are the session's worked solution, not a warning.
    this.sendEvent(new OutputEvent(`${line}\n`, 'stdout'));
  }

  protected places(): shape.ClientPlaces {
    return {
      line: (line) => this.convertDebuggerLineToClient(line),
      column: (column) => this.convertDebuggerColumnToClient(column),
      source: programSource(this.link!.program, this.clientOpensUris, (path) => this.convertDebuggerPathToClient(path)),
    };
  }
}
