import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, MAZUR, NnetDapClient, useDapClient, frames, launch } from './dapClient';

/**
 * The failures of backprop as exception breakpoints: each filter, alone, stops on a spec built
 * to trigger it (test/fixtures/debug/<filter>.nnet) with the exception widget's details, and
 * runs mazur.nnet through to the end without stopping.
 */

const FILTERS = ['nonfinite', 'vanishing', 'exploding', 'saturated', 'dead-relu'] as const;
/** The quantity each fixture's first failure is about. */
const FIRST: Record<(typeof FILTERS)[number], RegExp> = {
  nonfinite: /^z⁽¹⁾₁/,
  vanishing: /^δ⁽¹⁾₁/,
  exploding: /^δ⁽²⁾₁/,
  saturated: /^σ′\(z⁽¹⁾₁\)/,
  'dead-relu': /^z⁽¹⁾₁/,
};
const TEST_MS = 30_000;

const session = useDapClient();
let client: NnetDapClient;
beforeEach(() => {
  client = session();
});

describe('exception filters', () => {
  for (const filter of FILTERS) {
    it(`${filter} stops on ${filter}.nnet`, async () => {
      const { stop, filters } = await launch(client, join(FIXTURES, `${filter}.nnet`), { stopOnEntry: false, exceptionFilters: [{ filterId: filter }] });
      expect(filters).toEqual([{ verified: true }]);
      expect(stop.body.reason).toBe('exception');
      expect(stop.body.description).toMatch(FIRST[filter]);
      expect(stop.body.text).toBeTruthy();
      const info = (await client.exceptionInfoRequest({ threadId: stop.body.threadId! })).body;
      expect(info.exceptionId).toBe(filter);
      expect(info.breakMode).toBe('always');
      expect(info.description?.length).toBeGreaterThan(10);
      expect(info.details?.message).toMatch(FIRST[filter]);
      expect((await frames(client, stop.body.threadId!))[0].name).toMatch(FIRST[filter]);
    }, TEST_MS);

    it(`${filter} does not stop on mazur.nnet`, async () => {
      const { stop, filters } = await launch(client, MAZUR, { stopOnEntry: false, exceptionFilters: [{ filterId: filter }] });
      expect(filters).toEqual([{ verified: true }]);
      expect(stop.body.reason).not.toBe('exception');
      expect(stop.body.description).toContain('the end');
    }, TEST_MS);
  }

  it('takes the vanishing threshold from the condition', async () => {
    const { stop } = await launch(client, join(FIXTURES, 'vanishing.nnet'), { stopOnEntry: false, exceptionFilters: [{ filterId: 'vanishing', condition: '1e-9' }] });
    expect(stop.body.reason).not.toBe('exception');
  }, TEST_MS);

  it('refuses a condition that is not a threshold, with a message', async () => {
    const { filters } = await launch(client, MAZUR, { exceptionFilters: [{ filterId: 'exploding', condition: 'big' }] });
    expect(filters?.[0].verified).toBe(false);
    expect(filters?.[0].message).toBeTruthy();
  }, TEST_MS);

  it('stops on a non-finite value by default, with no filters sent', async () => {
    const { stop } = await launch(client, join(FIXTURES, 'nonfinite.nnet'), { stopOnEntry: false });
    expect(stop.body.reason).toBe('exception');
  }, TEST_MS);
});
