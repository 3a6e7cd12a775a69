import { Thread } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as shape from './protocolShapes';
import { NnetSessionBase } from './sessionBase';

/** A completion as the runtime gives one (start and end, 0-based, when it replaces text). */
interface Completion {
  readonly label: string;
  readonly text?: string;
  readonly detail?: string;
  readonly start?: number;
  readonly end?: number;
}

/**
 * The requests that read where the session stands without moving it: threads (one per training
 * example), the stack (the current quantity and the chain of quantities it feeds up to the
 * cost), scopes and variables (paged), step-in and goto targets, the exception widget, the
 * spec's text (`source`), and the expression language for Watch, hovers and the Debug Console,
 * with its completions.
 */
export abstract class InspectingSession extends NnetSessionBase {
  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    this.guard(response, () => {
      const runtime = this.runtime;
      const threads =
        runtime === null ? [] : this.link?.blocked ? [new Thread(this.blockedThread(), 'the spec has errors')] : runtime.threads().map((t) => new Thread(t.id, t.name));
      response.body = { threads };
      this.sendResponse(response);
    });
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    this.guard(response, () => {
      // While the spec has errors, the runtime's frames are the errors, each on its text.
      const frames = this.ready().stack(args.threadId).map((f) => shape.stackFrame(this.places(), f));
      const start = args.startFrame ?? 0;
      const levels = args.levels ? args.levels : frames.length;
      response.body = { stackFrames: frames.slice(start, start + levels), totalFrames: frames.length };
      this.sendResponse(response);
    });
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    this.guard(response, () => {
      const scopes = this.link?.blocked ? [] : this.ready().scopes(args.frameId);
      for (const scope of scopes) this.hints.note(scope);
      response.body = { scopes: scopes.map((scope) => shape.scope(this.places(), scope)) };
      this.sendResponse(response);
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    this.guard(response, () => {
      const runtime = this.ready();
      const page = this.hints.page(args.variablesReference, args.filter, args.start, args.count);
      const infos = page === null ? [] : runtime.variables(args.variablesReference, page.start, page.count);
      for (const info of infos) this.hints.note(info);
      response.body = { variables: infos.map(shape.variable) };
      this.sendResponse(response);
    });
  }

  protected override stepInTargetsRequest(response: DebugProtocol.StepInTargetsResponse, args: DebugProtocol.StepInTargetsArguments): void {
    this.guard(response, () => {
      response.body = { targets: this.ready().stepInTargets(args.frameId).map((t) => shape.target(this.places(), t)) };
      this.sendResponse(response);
    });
  }

  protected override gotoTargetsRequest(response: DebugProtocol.GotoTargetsResponse, args: DebugProtocol.GotoTargetsArguments): void {
    this.guard(response, () => {
      const runtime = this.ready();
      const column = args.column !== undefined ? this.convertClientColumnToDebugger(args.column) : undefined;
      const targets = this.link!.isProgram(args.source) ? runtime.gotoTargets(this.convertClientLineToDebugger(args.line), column) : [];
      // A goto target without a place of its own is on the line asked about.
      response.body = { targets: targets.map((t) => ({ line: args.line, ...shape.target(this.places(), t) })) };
      this.sendResponse(response);
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, args: DebugProtocol.ExceptionInfoArguments): void {
    this.guard(response, () => {
      const runtime = this.ready();
      if (this.link!.blocked) {
        const details = this.link!.problems.filter((p) => p.severity === 'error').map((p) => shape.problemLine(this.link!.label, p));
        response.body = { exceptionId: 'spec-errors', description: 'the spec has errors', breakMode: 'always', details: { message: details.join('\n') } };
      } else {
        const info = runtime.exceptionInfo(args.threadId);
        if (info === null) throw new Error('The session is not stopped at a failure of backprop.');
        response.body = { exceptionId: info.exceptionId, description: info.description, breakMode: 'always', details: { message: info.details, typeName: info.exceptionId } };
      }
      this.sendResponse(response);
    });
  }

  /** The spec's text, for a client given the spec by sourceReference (a program that is no file, specProgram.ts). */
  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    this.guard(response, () => {
      const link = this.link;
      const text = link?.loadedText ?? null;
      if (link === null || text === null || !link.isProgram(args.source ?? { sourceReference: args.sourceReference })) throw new Error('The session has no such source: its one source is the spec it debugs.');
      response.body = { content: text };
      this.sendResponse(response);
    });
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    this.guard(response, () => {
      const result = this.ready().evaluate(args.expression, args.frameId, args.context ?? 'repl');
      if ('error' in result) throw new Error(result.error);
      response.body = { result: result.result, variablesReference: result.variablesReference };
      this.sendResponse(response);
    });
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    this.guard(response, () => {
      const completions: readonly Completion[] = this.ready().completions(args.text, this.convertClientColumnToDebugger(args.column));
      response.body = { targets: completions.map((c) => this.completionItem(c)) };
      this.sendResponse(response);
    });
  }

  /** A completion; when the runtime says which text it replaces (0-based offsets), so does the item. */
  private completionItem(c: Completion): DebugProtocol.CompletionItem {
    return {
      label: c.label,
      ...(c.text !== undefined ? { text: c.text } : {}),
      ...(c.detail !== undefined ? { detail: c.detail } : {}),
      ...(c.start !== undefined ? { start: this.convertDebuggerColumnToClient(c.start), length: (c.end ?? c.start) - c.start } : {}),
    };
  }
}
