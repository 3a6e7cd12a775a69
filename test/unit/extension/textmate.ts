import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IGrammar, StateStack } from 'vscode-textmate';

// Both packages are CommonJS bundles whose named exports Node's ESM loader cannot see, so they
// are required; their types still come from the packages.
const require = createRequire(import.meta.url);
const oniguruma: typeof import('vscode-oniguruma') = require('vscode-oniguruma');
const { INITIAL, Registry, parseRawGrammar }: typeof import('vscode-textmate') = require('vscode-textmate');

/**
 * media/nnet.tmLanguage.json run through vscode-textmate with vscode-oniguruma: the TextMate
 * engine and the Oniguruma regex dialect VS Code itself colours with, so a grammar test that
 * passes here is what a learner sees (JavaScript regular expressions differ from Oniguruma in
 * look-behinds, `$`, `\h` and more).
 *
 * Public surface: loadNnetGrammar() → { tokenizeLine, tokenizeLines }, compileError(), and the
 * raw-grammar walkers grammarRegexes() and grammarScopes().
 */
export const GRAMMAR_PATH = 'media/nnet.tmLanguage.json';

export interface Token {
  readonly text: string;
  /** Outermost first, starting with the grammar's scopeName. */
  readonly scopes: readonly string[];
}

export interface NnetGrammar {
  /** One line on its own, from the grammar's initial state. */
  tokenizeLine(line: string): Token[];
  /** A document's lines in order, each starting in the state the previous one ended in, as VS Code does. */
  tokenizeLines(lines: readonly string[]): Token[][];
}

/** Loads onig.wasm once per test file: the regex engine is a WebAssembly build of Oniguruma. */
let onigReady: Promise<void> | null = null;
function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    onigReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigReady;
}

export async function loadNnetGrammar(): Promise<NnetGrammar> {
  await loadOniguruma();
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => (scopeName === 'source.nnet' ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
  });
  const grammar = await registry.loadGrammar('source.nnet');
  if (!grammar) throw new Error(`vscode-textmate did not load ${GRAMMAR_PATH}`);
  return {
    tokenizeLine: (line) => tokensOf(grammar, line, INITIAL).tokens,
    tokenizeLines: (lines) => {
      let state = INITIAL;
      return lines.map((line) => {
        const result = tokensOf(grammar, line, state);
        state = result.state;
        return result.tokens;
      });
    },
  };
}

function tokensOf(grammar: IGrammar, line: string, state: StateStack): { tokens: Token[]; state: StateStack } {
  const result = grammar.tokenizeLine(line, state);
  // The last token may end one past the line (vscode-textmate adds the line break); slice clamps it.
  const tokens = result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })).filter((t) => t.text !== '');
  return { tokens, state: result.ruleStack };
}

/** Oniguruma's message if `source` does not compile as VS Code would compile it, else null. */
export async function compileError(source: string): Promise<string | null> {
  await loadOniguruma();
  try {
    new oniguruma.OnigScanner([source]).dispose();
    return null;
  } catch (error) {
    return String(error);
  }
}

/** The parts of a raw TextMate rule the walkers below read. */
interface RawRule {
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly name?: string;
  readonly captures?: RawCaptures;
  readonly beginCaptures?: RawCaptures;
  readonly endCaptures?: RawCaptures;
  readonly patterns?: readonly RawRule[];
}
type RawCaptures = Readonly<Record<string, { readonly name?: string }>>;
export interface RawGrammar {
  readonly scopeName: string;
  readonly patterns: readonly RawRule[];
  readonly repository?: Readonly<Record<string, RawRule>>;
}

function everyRule(grammar: RawGrammar): RawRule[] {
  const all: RawRule[] = [];
  const visit = (rule: RawRule) => {
    all.push(rule);
    rule.patterns?.forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository ?? {}).forEach(visit);
  return all;
}

/** Every regular expression of the grammar (match, begin, end). */
export function grammarRegexes(grammar: RawGrammar): string[] {
  return everyRule(grammar).flatMap((rule) => [rule.match, rule.begin, rule.end].filter((s): s is string => s !== undefined));
}

/** Every scope name the grammar can assign. */
export function grammarScopes(grammar: RawGrammar): string[] {
  return everyRule(grammar).flatMap((rule) => [
    ...(rule.name ? [rule.name] : []),
    ...[rule.captures, rule.beginCaptures, rule.endCaptures].flatMap((captures) =>
      Object.values(captures ?? {}).flatMap((capture) => (capture.name ? [capture.name] : [])),
    ),
  ]);
}
