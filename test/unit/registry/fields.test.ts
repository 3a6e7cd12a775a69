import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES } from '../../../src/core/costs/registry';

/**
 * Every registry entry has every field, each of the right kind. The compiler already refuses an
 * entry typed as one that lacks a field; this also catches one smuggled in with a cast, or a
 * field left empty ('' or an empty formula).
 */

type Kind = 'string' | 'number' | 'boolean' | 'function';

const ACTIVATION_FIELDS: Record<string, Kind> = {
  name: 'string',
  description: 'string',
  elementwise: 'boolean',
  'formulas.definition.tex': 'string',
  'formulas.definition.text': 'string',
  'formulas.derivative.tex': 'string',
  'formulas.derivative.text': 'string',
  'range.low': 'number',
  'range.high': 'number',
  'range.text': 'string',
  'range.sumsToOne': 'boolean',
  initialisation: 'string',
  value: 'function',
  derivative: 'function',
  apply: 'function',
  slopeFor: 'function',
};
const ELEMENTWISE_FIELDS: Record<string, Kind> = { appliedTo: 'function' };
const COUPLED_FIELDS: Record<string, Kind> = {
  numeratorOf: 'function',
  numeratorValue: 'function',
  jacobian: 'function',
  'notes.forward': 'string',
  'notes.slope': 'string',
  'notes.delta': 'function',
};
const COST_FIELDS: Record<string, Kind> = {
  name: 'string',
  description: 'string',
  'formulas.definition.tex': 'string',
  'formulas.definition.text': 'string',
  'formulas.derivative.tex': 'string',
  'formulas.derivative.text': 'string',
  needs: 'string',
  value: 'function',
  gradient: 'function',
  derivative: 'function',
  termOf: 'function',
  termValue: 'function',
  wrap: 'function',
  derivativeFor: 'function',
};

/** The fields of `entry` that are missing, of the wrong kind, or empty strings. */
function missingFields(entry: object, fields: Record<string, Kind>): string[] {
  return Object.entries(fields).flatMap(([path, kind]) => {
    const value = path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), entry);
    if (typeof value !== kind) return [`${path}: expected a ${kind}, found ${value === undefined ? 'nothing' : typeof value}`];
    return kind === 'string' && (value as string).trim() === '' ? [`${path}: empty`] : [];
  });
}

describe('registry entries', () => {
  it.each(ACTIVATION_ENTRIES.map((e) => [e.name, e] as const))('activation %s has every field', (_, entry) => {
    expect(missingFields(entry, { ...ACTIVATION_FIELDS, ...(entry.elementwise ? ELEMENTWISE_FIELDS : COUPLED_FIELDS) })).toEqual([]);
    expect(['glorot', 'he']).toContain(entry.initialisation);
    expect(entry.range.low).toBeLessThan(entry.range.high);
  });

  it.each(COST_ENTRIES.map((e) => [e.name, e] as const))('cost %s has every field', (_, entry) => {
    expect(missingFields(entry, COST_FIELDS)).toEqual([]);
    expect(['unrestricted', 'probabilities', 'distribution']).toContain(entry.needs);
  });

  it('notices a field that is missing, of the wrong kind or empty', () => {
    const { description: _, ...withoutDescription } = ACTIVATION_ENTRIES[0];
    expect(missingFields(withoutDescription, ACTIVATION_FIELDS)).toEqual(['description: expected a string, found nothing']);
    expect(missingFields({ ...COST_ENTRIES[0], wrap: 'x' }, COST_FIELDS)).toEqual(['wrap: expected a function, found string']);
    expect(missingFields({ ...COST_ENTRIES[0], formulas: { ...COST_ENTRIES[0].formulas, definition: { tex: 'c', text: ' ' } } }, COST_FIELDS)).toEqual([
      'formulas.definition.text: empty',
    ]);
  });

  it('names each activation and cost once, as a word the spec and the grammar can hold', () => {
    const names = [...ACTIVATION_ENTRIES, ...COST_ENTRIES].map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
