import {
  BINARY_PRECEDENCE,
  type BinaryOperator,
  type CallNode,
  type ExpressionError,
  type ExpressionNode,
  type IndexSpec,
  type LayerSpec,
  type ParseResult,
  type ReferenceNode,
} from './ast';
import { tokenize, type Operator, type Token } from './lexer';
import { lookupName, suggestNames, type FunctionInfo, type QuantityInfo } from './names';

type NameToken = Token & { readonly type: 'name' };

/**
 * Parses an expression of the Watch view, the Debug Console, a hover or a breakpoint condition
 * into a tree, or returns a positioned message. Precedence, loosest first:
 *   ||   &&   == !=   < <= > >=   + −   * /   unary − + !   ^ (right-associative)
 * so `-2^2` is −4 and `abs(delta(2)[1]) < 1e-4 && c > 0` needs no parentheses.
 *
 * What the text alone decides is checked here: names, brackets, how many indices a quantity
 * takes, how many arguments a function takes, and what `fd` may be applied to. Whether a layer
 * or an index exists in the network is checked when the expression meets one (see
 * references.ts).
 */
export function parseExpression(text: string): ParseResult {
  const lexed = tokenize(text);
  if ('error' in lexed) return { errors: [lexed.error] };
  if (lexed.tokens.length === 1) return { errors: [{ message: 'the expression is empty', start: 0, end: text.length }] };
  // Inside the parser a mistake unwinds by throwing ParseFailure (deep recursion would otherwise
  // thread a result through every level); it is caught right here and never escapes.
  try {
    const parser = new Parser(lexed.tokens);
    const ast = parser.expression(0);
    const rest = parser.peek();
    if (rest.type !== 'end') parser.fail(`expected an operator here, found ${describeToken(rest)}`, rest);
    return { ast };
  } catch (e) {
    if (e instanceof ParseFailure) return { errors: [e.error] };
    throw e;
  }
}

class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

/** The left-associative binary operators' precedence; `^` is handled apart, above unary minus. */
function precedenceOf(op: Operator): number | undefined {
  return op !== '^' && op in BINARY_PRECEDENCE ? BINARY_PRECEDENCE[op as BinaryOperator] : undefined;
}

function describeToken(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'the end of the expression';
    case 'number':
    case 'name':
      return `‘${token.text}’`;
    case 'op':
      return `‘${token.op}’`;
    case 'layer':
      return 'a layer superscript';
    case 'subscript':
      return 'a subscript';
  }
}

class Parser {
  private at = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.at + ahead, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.at++;
    return token;
  }

  private isOp(op: Operator, token: Token = this.peek()): boolean {
    return token.type === 'op' && token.op === op;
  }

  fail(message: string, where: { start: number; end: number }): never {
    throw new ParseFailure({ message, start: where.start, end: where.end });
  }

  /** Expects `op` next, else a message saying what it closes or follows. */
  private expect(op: Operator, context: string, opener?: Token): Token {
    const token = this.peek();
    if (this.isOp(op, token)) return this.next();
    if (token.type === 'end' && opener !== undefined) this.fail(`missing ${op}: this ${describeToken(opener)} is never closed`, opener);
    return this.fail(`expected ${op} ${context}, found ${describeToken(token)}`, token);
  }

  /** Binary operators of at least `minimum` precedence, left-associative. */
  expression(minimum: number): ExpressionNode {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token.type === 'op' ? precedenceOf(token.op) : undefined;
      if (token.type !== 'op' || precedence === undefined || precedence < minimum) return left;
      this.next();
      const right = this.expression(precedence + 1);
      left = { type: 'binary', op: token.op as BinaryOperator, left, right, opStart: token.start, start: left.start, end: right.end };
    }
  }

  private unary(): ExpressionNode {
    const token = this.peek();
    if (token.type === 'op' && (token.op === '-' || token.op === '+' || token.op === '!')) {
      this.next();
      const operand = this.unary();
      return { type: 'unary', op: token.op, operand, start: token.start, end: operand.end };
    }
    return this.power();
  }

  private power(): ExpressionNode {
    const base = this.primary();
    const token = this.peek();
    if (!this.isOp('^', token)) return base;
    this.next();
    const exponent = this.unary();
    return { type: 'binary', op: '^', left: base, right: exponent, opStart: token.start, start: base.start, end: exponent.end };
  }

  private primary(): ExpressionNode {
    const token = this.next();
    if (token.type === 'number') return { type: 'number', value: token.value, text: token.text, start: token.start, end: token.end };
    if (this.isOp('(', token)) {
      const inner = this.expression(0);
      const close = this.expect(')', 'to close the (', token);
      // A composite keeps its parentheses in its span, so a message about it underlines them too.
      return inner.type === 'binary' || inner.type === 'unary' ? { ...inner, start: token.start, end: close.end } : inner;
    }
    if (token.type === 'name') {
      const named = lookupName(token.text);
      if (named === null) {
        const suggestions = suggestNames(token.text);
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
        return this.fail(`unknown name ‘${token.text}’${hint}`, token);
      }
      return named.kind === 'function' ? this.call(token, named.info) : this.reference(token, named.info);
    }
    if (token.type === 'end') return this.fail('the expression ends too early: expected a number, a name or (', token);
    return this.fail(`expected a number, a name or (, found ${describeToken(token)}`, token);
  }

  private call(name: NameToken, info: FunctionInfo): CallNode {
    const open = this.peek();
    if (!this.isOp('(', open)) this.fail(`${info.name} is a function: write ${info.name}(…)`, name);
    this.next();
    const args: ExpressionNode[] = [];
    if (!this.isOp(')')) {
      args.push(this.expression(0));
      while (this.isOp(',')) {
        this.next();
        args.push(this.expression(0));
      }
    }
    const close = this.expect(')', `to close the arguments of ${info.name}`, open);
    const node: CallNode = { type: 'call', fn: info.name, args, start: name.start, end: close.end };
    if (args.length < info.minArgs || args.length > info.maxArgs) {
      const wanted = info.maxArgs === Infinity ? `${info.minArgs} or more arguments` : `${info.minArgs} argument${info.minArgs === 1 ? '' : 's'}`;
      this.fail(`${info.name} takes ${wanted}, found ${args.length}`, node);
    }
    if (info.name === 'fd') {
      const arg = args[0];
      const ok = arg.type === 'reference' && (arg.quantity === 'w' || arg.quantity === 'b') && arg.indices !== null;
      if (!ok) this.fail('fd takes one weight or bias with its indices, e.g. fd(w(2)[1,2]) or fd(b(1)[2])', arg);
    }
    return node;
  }

  private reference(name: NameToken, info: QuantityInfo): ReferenceNode {
    let layer: LayerSpec | null = null;
    let end = name.end;
    if (info.layered) {
      const token = this.peek();
      const inner = this.peek(1);
      if (token.type === 'layer') {
        this.next();
        layer = { value: token.layer, start: token.start, end: token.end };
        end = token.end;
      } else if (info.name === 'dadz' && this.isOp('(', token) && inner.type === 'name' && lookupName(inner.text)?.info.name === 'z') {
        // σ′(z⁽¹⁾₂): the slope written as a function of the z it is taken at.
        this.next();
        this.next();
        const z = this.reference(inner, lookupName(inner.text)!.info as QuantityInfo);
        const close = this.expect(')', 'to close σ′(', token);
        return { ...z, quantity: 'dadz', start: name.start, end: close.end };
      } else if (this.isOp('(', token)) {
        this.next();
        layer = this.layerNumber();
        end = this.expect(')', 'after the layer', token).end;
      } else {
        this.fail(`${name.text} needs a layer: write ${info.ascii}(ℓ) or ${info.unicode}⁽ℓ⁾${info.indices > 0 ? ', then indices if you want one entry' : ''}`, name);
      }
    }
    const next = this.peek();
    if (info.indices === 0 || !info.layered) {
      if (next.type === 'layer' || (!info.layered && this.isOp('(', next)))
        this.fail(`${name.text} takes no layer${info.indices > 0 ? `: write ${info.ascii}[j]` : ''}`, next);
      if (info.indices === 0 && (next.type === 'subscript' || this.isOp('[', next))) this.fail(`${name.text} is one number and takes no index`, next);
    }
    let indices: IndexSpec[] | null = null;
    if (next.type === 'subscript') {
      this.next();
      end = next.end;
      // One index needs no separating commas, so the digits of δ⁽²⁾₁₂ are the one index 12.
      const digitsOnly = next.indices.every((index) => index.end - index.start === 1);
      indices =
        info.indices === 1 && digitsOnly
          ? [{ value: Number(next.indices.map((index) => index.value).join('')), start: next.start, end: next.end }]
          : next.indices.map((index) => ({ ...index }));
    } else if (this.isOp('[', next)) {
      this.next();
      indices = [this.index()];
      while (this.isOp(',')) {
        this.next();
        indices.push(this.index());
      }
      end = this.expect(']', 'to close the indices', next).end;
    }
    if (indices !== null) {
      for (const index of indices) if (index.value < 1) this.fail(`indices count from 1, found ${index.value}`, index);
      if (indices.length !== info.indices) {
        const form = info.indices === 2 ? 'two indices' : 'one index';
        const whole = info.indices === 2 ? 'the whole matrix' : 'the whole vector';
        const commas = next.type === 'subscript' && indices.length > 2 ? ' (separate indices of several digits with commas: ₁₂,₃)' : '';
        this.fail(`${name.text} takes ${form}, or none for ${whole}; found ${indices.length}${commas}`, { start: next.start, end });
      }
    }
    return { type: 'reference', quantity: info.name, layer, indices, start: name.start, end };
  }

  private layerNumber(): LayerSpec {
    const token = this.next();
    if (token.type === 'name' && token.text === 'L') return { value: 'L', start: token.start, end: token.end };
    if (token.type === 'number' && Number.isInteger(token.value) && /^\d+$/.test(token.text))
      return { value: token.value, start: token.start, end: token.end };
    return this.fail(`a layer is a whole number ℓ (0 for the inputs) or L for the output layer, found ${describeToken(token)}`, token);
  }

  private index(): IndexSpec {
    const token = this.next();
    if (token.type === 'number' && /^\d+$/.test(token.text)) return { value: token.value, start: token.start, end: token.end };
    return this.fail(`an index is a whole number from 1, found ${describeToken(token)}`, token);
  }
}
