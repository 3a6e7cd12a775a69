import type { FunctionName, QuantityName } from './names';

/**
 * The syntax tree of an expression. Every node keeps the character offsets of the text it
 * came from (UTF-16 code units, `end` exclusive), so evaluation can point a message at the very
 * reference, index or operator it is about.
 */

/** A positioned message: the only way mistakes leave this module (nothing here throws on user input). */
export interface ExpressionError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A layer as written: a number, or `L` for the output layer. */
export interface LayerSpec extends Span {
  readonly value: number | 'L';
}

/** One index as written (1-based); which of k and j it is depends on the weight order. */
export interface IndexSpec extends Span {
  readonly value: number;
}

/**
 * A quantity of the article: `delta(2)[1]`, `δ⁽²⁾₁`, `w(1)` (the whole matrix), `x`, `eta`.
 * `indices` is null for a whole vector or matrix (and for quantities that take none).
 */
export interface ReferenceNode extends Span {
  readonly type: 'reference';
  readonly quantity: QuantityName;
  readonly layer: LayerSpec | null;
  readonly indices: readonly IndexSpec[] | null;
}

export interface NumberNode extends Span {
  readonly type: 'number';
  readonly value: number;
  /** As written, so printing keeps `1e-4` rather than `0.0001`. */
  readonly text: string;
}

export type UnaryOperator = '-' | '+' | '!';
export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/**
 * How tightly each binary operator binds (higher binds tighter), for the parser and the printer
 * alike: `||` < `&&` < `== !=` < comparisons < `+ −` < `* /` < `^` (which sits above unary minus).
 */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '^': 8,
};

export interface UnaryNode extends Span {
  readonly type: 'unary';
  readonly op: UnaryOperator;
  readonly operand: ExpressionNode;
}

export interface BinaryNode extends Span {
  readonly type: 'binary';
  readonly op: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
  /** Where the operator itself stands. */
  readonly opStart: number;
}

export interface CallNode extends Span {
  readonly type: 'call';
  readonly fn: FunctionName;
  readonly args: readonly ExpressionNode[];
}

export type ExpressionNode = NumberNode | ReferenceNode | UnaryNode | BinaryNode | CallNode;

/** What parseExpression returns: a tree, or the mistakes that kept it from being one. */
export type ParseResult = { readonly ast: ExpressionNode } | { readonly errors: readonly ExpressionError[] };
