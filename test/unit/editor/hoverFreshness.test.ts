import { describe, expect, it } from 'vitest';
import { pendingAnalysis } from '../../../src/extension/analysis/analyse';
import { freshnessNote, PENDING_NOTE, RECOMPUTING_NOTE } from '../../../src/extension/editor/hoverFreshness';

describe('the note a hover starts with', () => {
  it('says nothing when the numbers are those of the text on screen', () => {
    expect(freshnessNote({ version: 4 }, 4)).toBeNull();
  });

  it('says the numbers are being recomputed when they are from an older version', () => {
    expect(freshnessNote({ version: 3 }, 4)).toBe(RECOMPUTING_NOTE);
    expect(RECOMPUTING_NOTE).toMatch(/^_Recomputing… these numbers are from before your last edit\._$/);
  });

  it('says the numbers are being computed before the first analysis', () => {
    expect(freshnessNote(pendingAnalysis(), 1)).toBe(PENDING_NOTE);
    expect(pendingAnalysis()).toMatchObject({ skipped: 'pending', engine: null, problems: [], exampleCount: 0 });
  });
});
