import { BINARY_PRECEDENCE, type ExpressionNode } from './ast';
import { describeReference } from './describe';
import { quantityInfo } from './names';

/**
 * Writes a tree back as text, in ASCII (`delta(2)[1]`, `dc/dw(2)[1,2]`) or in the article's
 * Unicode symbols (`δ⁽²⁾₁`, `∂c/∂w⁽²⁾₁₂`). Parentheses are put back only where precedence
 * needs them, so the text parses again to the same tree: print and parse round-trip.
 */
export type PrintStyle = 'ascii' | 'unicode';

const PRECEDENCE = BINARY_PRECEDENCE;
/** Unary operators bind tighter than every binary one except ^. */
const UNARY = 7;
const ATOM = 9;

function precedenceOf(node: ExpressionNode): number {
  if (node.type === 'binary') return PRECEDENCE[node.op];
  if (node.type === 'unary') return UNARY;
  return ATOM;
}

export function printExpression(node: ExpressionNode, style: PrintStyle = 'ascii'): string {
  const print = (n: ExpressionNode) => printExpression(n, style);
  const wrap = (n: ExpressionNode, parenthesise: boolean) => (parenthesise ? `(${print(n)})` : print(n));
  switch (node.type) {
    case 'number':
      return node.text;
    case 'reference':
      return style === 'unicode' ? describeReference(node) : asciiReference(node);
    case 'call':
      return `${node.fn}(${node.args.map(print).join(', ')})`;
    case 'unary':
      return `${node.op}${wrap(node.operand, precedenceOf(node.operand) < UNARY)}`;
    case 'binary': {
      const p = PRECEDENCE[node.op];
      if (node.op === '^') {
        // The base is a primary; the exponent is read as a unary expression (right-associative).
        return `${wrap(node.left, precedenceOf(node.left) < ATOM)}^${wrap(node.right, precedenceOf(node.right) < UNARY)}`;
      }
      return `${wrap(node.left, precedenceOf(node.left) < p)} ${node.op} ${wrap(node.right, precedenceOf(node.right) <= p)}`;
    }
  }
}

function asciiReference(node: ExpressionNode & { type: 'reference' }): string {
  const info = quantityInfo(node.quantity);
  const layer = node.layer === null ? '' : `(${node.layer.value})`;
  const indices = node.indices === null ? '' : `[${node.indices.map((index) => index.value).join(',')}]`;
  return `${info.ascii}${layer}${indices}`;
}

/**
 * Any expression in the article's symbols: a reference's notation name (δ⁽²⁾₁), or the whole
 * expression printed in Unicode (`abs(δ⁽²⁾₁) < 1e-4`), for logpoints and value labels.
 */
export function describe(node: ExpressionNode): string {
  return node.type === 'reference' ? describeReference(node) : printExpression(node, 'unicode');
}
