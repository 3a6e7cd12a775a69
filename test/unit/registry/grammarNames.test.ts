import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { COSTS } from '../../../src/core/costs/registry';
import { GENERATOR_NAMES } from '../../../src/core/data/generators';

/**
 * The TextMate grammar colours activation and cost names from fixed word lists; these must be
 * exactly the registries' names, or a new activation would go uncoloured (or a removed one stay
 * coloured). The rules' patterns are plain alternations, which JavaScript and Oniguruma (VS
 * Code's regex engine) read alike; how the whole grammar tokenises is the grammar tests' part.
 */
const grammar = JSON.parse(readFileSync('media/nnet.tmLanguage.json', 'utf8')) as { repository: Record<string, { match: string; name: string }> };

const RULES = [
  { rule: 'activations', names: ACTIVATIONS, line: (name: string) => `layer 1: 3 ${name}   # hidden` },
  { rule: 'costs', names: COSTS, line: (name: string) => `cost ${name} # c` },
  { rule: 'data-sets', names: GENERATOR_NAMES, line: (name: string) => `data ${name} 200 noise 0.1 # generated` },
] as const;

/** The alternatives of a rule's one `(?:a|b|…)` group. */
function listedNames(rule: string): string[] {
  const group = /\(\?:([^()]*)\)/.exec(grammar.repository[rule].match);
  if (!group) throw new Error(`the grammar's ${rule} rule has no (?:…) group: ${grammar.repository[rule].match}`);
  return group[1].split('|');
}

describe('the grammar against the registries', () => {
  it.each(RULES)('lists exactly the $rule of the registry', ({ rule, names }) => {
    expect([...listedNames(rule)].sort()).toEqual([...names].sort());
  });

  it.each(RULES)('matches each of the $rule as one whole word', ({ rule, names, line }) => {
    const pattern = new RegExp(grammar.repository[rule].match, 'g');
    for (const name of names) expect([...line(name).matchAll(pattern)].map((m) => m[0]), name).toEqual([name]);
    for (const name of names) expect(`${name}x ${name}-y x${name}`.match(pattern), name).toBeNull();
  });
});
