import { PENDING_VERSION, type SpecAnalysis } from '../analysis/analyse';

/**
 * The one line a hover starts with when its numbers are not those of the text on screen: a
 * larger spec is analysed in the worker (analysis/specAnalyses.ts), and until it answers the
 * hover reads the newest finished analysis, of an older version, or has none yet.
 */
export const RECOMPUTING_NOTE = '_Recomputing… these numbers are from before your last edit._';
export const PENDING_NOTE = '_Computing this spec’s numbers in the background…_';

/** The note for a hover on `documentVersion` read from `analysis`; null when the analysis is current. */
export function freshnessNote(analysis: Pick<SpecAnalysis, 'version'>, documentVersion: number): string | null {
  if (analysis.version === PENDING_VERSION) return PENDING_NOTE;
  return analysis.version === documentVersion ? null : RECOMPUTING_NOTE;
}
