/**
 * A minimal TextMate tokenizer, enough for a flat grammar like media/nnet.tmLanguage.json
 * (vscode-textmate is not a dependency): `match` rules with `captures`, `begin`/`end` rules
 * with `beginCaptures`/`endCaptures`/`patterns`, and `#name` includes from the repository.
 * Like vscode-textmate, at each position the earliest match wins, ties go to the rule listed
 * first, and an enclosing rule's `end` is tried before its patterns. Lines are tokenised on
 * their own (the nnet grammar has no construct that spans lines).
 */
export interface GrammarRule {
  readonly include?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly name?: string;
  readonly captures?: Captures;
  readonly beginCaptures?: Captures;
  readonly endCaptures?: Captures;
  readonly patterns?: readonly GrammarRule[];
}
type Captures = Readonly<Record<string, { readonly name?: string }>>;

export interface Grammar {
  readonly scopeName: string;
  readonly patterns: readonly GrammarRule[];
  readonly repository?: Readonly<Record<string, GrammarRule>>;
}

export interface Token {
  readonly text: string;
  /** Outermost first, starting with the grammar's scopeName. */
  readonly scopes: readonly string[];
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let found = compiled.get(source);
  if (!found) compiled.set(source, (found = new RegExp(source, 'gd')));
  return found;
}

/** Every regular expression in the grammar, so a test can check they compile. */
export function grammarRegexes(grammar: Grammar): string[] {
  const all: string[] = [];
  const visit = (rule: GrammarRule) => {
    for (const source of [rule.match, rule.begin, rule.end]) if (source !== undefined) all.push(source);
    rule.patterns?.forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository ?? {}).forEach(visit);
  return all;
}

/** Every scope name the grammar can assign. */
export function grammarScopes(grammar: Grammar): string[] {
  const all: string[] = [];
  const visit = (rule: GrammarRule) => {
    if (rule.name) all.push(rule.name);
    for (const captures of [rule.captures, rule.beginCaptures, rule.endCaptures])
      for (const capture of Object.values(captures ?? {})) if (capture.name) all.push(capture.name);
    rule.patterns?.forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository ?? {}).forEach(visit);
  return all;
}

function resolve(grammar: Grammar, rules: readonly GrammarRule[]): GrammarRule[] {
  return rules.flatMap((rule) => {
    if (rule.include === undefined) return [rule];
    const target = grammar.repository?.[rule.include.replace(/^#/, '')];
    if (!target) throw new Error(`unknown include ${rule.include}`);
    return target.match !== undefined || target.begin !== undefined ? [target] : resolve(grammar, target.patterns ?? []);
  });
}

export function tokenizeLine(grammar: Grammar, line: string): Token[] {
  const scopes: string[][] = Array.from({ length: line.length }, () => [grammar.scopeName]);
  const stack: GrammarRule[] = [];
  const base = () => [grammar.scopeName, ...stack.flatMap((rule) => (rule.name ? [rule.name] : []))];

  /** Paints [start, end) with `base` + `name`, then each capture group's name over its range. */
  const paint = (match: RegExpExecArray, outer: string[], name: string | undefined, captures: Captures | undefined) => {
    const end = match.index + match[0].length;
    for (let i = match.index; i < end; i++) scopes[i] = name ? [...outer, name] : [...outer];
    for (const [group, capture] of Object.entries(captures ?? {})) {
      const span = match.indices?.[Number(group)];
      if (!span || !capture.name) continue;
      for (let i = span[0]; i < span[1]; i++) scopes[i] = [...scopes[i], capture.name];
    }
  };

  let position = 0;
  for (let guard = 0; position <= line.length; guard++) {
    if (guard > 4 * line.length + 8) throw new Error(`tokenizer stuck at ${position} in ${JSON.stringify(line)}`);
    const enclosing = stack[stack.length - 1];
    const candidates: { rule: GrammarRule; isEnd: boolean; source: string }[] = [];
    if (enclosing) candidates.push({ rule: enclosing, isEnd: true, source: enclosing.end! });
    for (const rule of resolve(grammar, enclosing ? enclosing.patterns ?? [] : grammar.patterns))
      candidates.push({ rule, isEnd: false, source: (rule.match ?? rule.begin)! });

    let best: { rule: GrammarRule; isEnd: boolean; match: RegExpExecArray } | undefined;
    for (const candidate of candidates) {
      const pattern = regex(candidate.source);
      pattern.lastIndex = position;
      const match = pattern.exec(line);
      if (match && (!best || match.index < best.match.index)) best = { ...candidate, match };
    }
    if (!best) {
      for (let i = position; i < line.length; i++) scopes[i] = base();
      break;
    }
    for (let i = position; i < best.match.index; i++) scopes[i] = base();
    const end = best.match.index + best.match[0].length;
    if (best.isEnd) {
      paint(best.match, base(), undefined, best.rule.endCaptures);
      stack.pop();
    } else if (best.rule.begin !== undefined) {
      paint(best.match, [...base(), ...(best.rule.name ? [best.rule.name] : [])], undefined, best.rule.beginCaptures);
      stack.push(best.rule);
    } else {
      paint(best.match, base(), best.rule.name, best.rule.captures);
    }
    // A zero-width match that pushes nothing would loop for ever: move on one character.
    position = end > position || best.isEnd || best.rule.begin !== undefined ? end : position + 1;
    if (end === line.length && (best.isEnd || stack.length === 0) && best.match[0].length === 0) break;
  }

  const tokens: Token[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = tokens[tokens.length - 1];
    if (last && last.scopes.join(' ') === scopes[i].join(' ')) tokens[tokens.length - 1] = { text: last.text + line[i], scopes: last.scopes };
    else tokens.push({ text: line[i], scopes: scopes[i] });
  }
  return tokens;
}
