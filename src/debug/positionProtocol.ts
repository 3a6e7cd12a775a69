/**
 * The two messages beyond the Debug Adapter Protocol that keep one stepping position between a
 * debug session and the editor it runs in: the session reports where it stopped, and the editor
 * asks it to move when the learner steps with the extension's own commands. Other clients never
 * see the request and may ignore the event.
 */

/** Sent after every stop: the spec and the stopped thread's position. */
export const POSITION_EVENT = 'nnetPosition';

export interface PositionEventBody {
  /** The spec's path, as launched. */
  readonly program: string;
  /** 0-based example. */
  readonly example: number;
  /** 0-based step, or −1 before the first step. */
  readonly step: number;
}

/** Asks the session to move to a position (and stop there, announcing it). */
export const MOVE_TO_REQUEST = 'nnetMoveTo';

export interface MoveToArguments {
  readonly example: number;
  readonly step: number;
}
