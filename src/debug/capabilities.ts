import type { DebugProtocol } from '@vscode/debugprotocol';
import { DebugRuntime } from '../core/debug/runtime';

/**
 * What the nnet debug adapter tells its client it can do, in answer to `initialize`. Every flag
 * here has a request behind it in nnetDebugSession.ts; the exception filters are the runtime's
 * failures of backprop (non-finite values, vanishing and exploding gradients, saturated
 * activations, dead ReLUs), so the client's Breakpoints view lists exactly what the runtime checks.
 */
export function adapterCapabilities(): DebugProtocol.Capabilities {
  return {
    supportsConfigurationDoneRequest: true,
    supportsStepBack: true,
    supportsConditionalBreakpoints: true,
    supportsHitConditionalBreakpoints: true,
    supportsLogPoints: true,
    supportsEvaluateForHovers: true,
    supportsStepInTargetsRequest: true,
    supportsGotoTargetsRequest: true,
    supportsBreakpointLocationsRequest: true,
    supportsExceptionInfoRequest: true,
    supportsExceptionFilterOptions: true,
    supportsSetVariable: true,
    supportsCompletionsRequest: true,
    // Indices and calls open with these: `w(`, `delta(2)[`.
    completionTriggerCharacters: ['(', '['],
    supportsTerminateRequest: true,
    exceptionBreakpointFilters: DebugRuntime.exceptionFilters.map(exceptionFilter),
  };
}

/** The fields a runtime filter may describe itself with (a threshold filter takes its threshold as the condition). */
interface FilterFields {
  readonly filter: string;
  readonly label: string;
  readonly description: string;
  readonly default: boolean;
  readonly supportsCondition?: boolean;
  readonly conditionDescription?: string;
}

function exceptionFilter(filter: FilterFields): DebugProtocol.ExceptionBreakpointsFilter {
  return {
    filter: filter.filter,
    label: filter.label,
    description: filter.description,
    default: filter.default,
    // A filter with a described condition takes one (vanishing and exploding: the threshold).
    supportsCondition: filter.supportsCondition ?? filter.conditionDescription !== undefined,
    ...(filter.conditionDescription !== undefined ? { conditionDescription: filter.conditionDescription } : {}),
  };
}
