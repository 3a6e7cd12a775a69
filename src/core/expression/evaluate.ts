import type { Network } from '../model/network';
import type { WeightOrder } from '../notation/symbols';
import type { StepSnapshot } from '../stepping/snapshot';
import type { BinaryNode, CallNode, ExpressionError, ExpressionNode, ReferenceNode, Span } from './ast';
import { centralDifference } from './finiteDifference';
import { BINARY, combineValues, ELEMENTWISE, mapValue, REDUCTIONS, UNARY } from './operations';
import { parseExpression } from './parser';
import { describe } from './print';
import { notYetComputed, readReference, resolveReference, type ResolvedReference } from './references';
import { shapeOf, truthy, type Value } from './values';

/**
 * What an expression is evaluated against: one stepping position of one example. Per-example
 * quantities can be read only once the stepping has reached them (see references.ts).
 */
export interface EvaluationContext {
  readonly snapshot: StepSnapshot;
  /**
   * How two-index weight references are read: 'from-to' takes `w(2)[k,j]` (the article's),
   * 'to-from' takes `w(2)[j,k]`. Defaults to the trace's own order, so expressions read weights
   * the way every symbol on screen writes them.
   */
  readonly weightOrder?: WeightOrder;
}

export type EvaluationResult = { readonly value: Value } | { readonly error: ExpressionError };

/**
 * Evaluates a parsed expression at the snapshot's position. Never throws on user input: a
 * layer or index out of range, a quantity not computed yet, or operands of different shapes
 * give a message positioned on the part of the text it is about.
 */
export function evaluate(ast: ExpressionNode, context: EvaluationContext): EvaluationResult {
  const evaluator = new Evaluator(context.snapshot, context.weightOrder ?? context.snapshot.trace.weightOrder);
  // A mistake unwinds the recursion as an EvaluationFailure, caught here and returned as data.
  try {
    return { value: evaluator.value(ast) };
  } catch (e) {
    if (e instanceof EvaluationFailure) return { error: e.error };
    throw e;
  }
}

/** Parses and evaluates in one go; a parse error comes back as the result's error. */
export function evaluateText(text: string, context: EvaluationContext): EvaluationResult {
  const parsed = parseExpression(text);
  return 'errors' in parsed ? { error: parsed.errors[0] } : evaluate(parsed.ast, context);
}

/**
 * Checks what can be checked without a stepping position: every layer and index against the
 * network. A breakpoint condition can be verified this way as soon as it is set.
 */
export function checkExpression(ast: ExpressionNode, network: Network, weightOrder: WeightOrder): ExpressionError | null {
  switch (ast.type) {
    case 'number':
      return null;
    case 'reference': {
      const resolved = resolveReference(ast, network, weightOrder);
      return 'error' in resolved ? resolved.error : null;
    }
    case 'unary':
      return checkExpression(ast.operand, network, weightOrder);
    case 'binary':
      return checkExpression(ast.left, network, weightOrder) ?? checkExpression(ast.right, network, weightOrder);
    case 'call':
      for (const arg of ast.args) {
        const error = checkExpression(arg, network, weightOrder);
        if (error !== null) return error;
      }
      return null;
  }
}

class EvaluationFailure {
  constructor(readonly error: ExpressionError) {}
}

function fail(message: string, where: Span): never {
  throw new EvaluationFailure({ message, start: where.start, end: where.end });
}

class Evaluator {
  private readonly network: Network;

  constructor(
    private readonly snapshot: StepSnapshot,
    private readonly weightOrder: WeightOrder,
  ) {
    this.network = snapshot.engine.network;
  }

  value(node: ExpressionNode): Value {
    switch (node.type) {
      case 'number':
        return node.value;
      case 'reference':
        return this.reference(node);
      case 'unary':
        return mapValue(this.value(node.operand), UNARY[node.op], () => describe(node));
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  private resolve(node: ReferenceNode): ResolvedReference {
    const resolved = resolveReference(node, this.network, this.weightOrder);
    if ('error' in resolved) fail(resolved.error.message, resolved.error);
    return resolved.resolved;
  }

  private reference(node: ReferenceNode): Value {
    const resolved = this.resolve(node);
    const missing = notYetComputed(resolved, this.snapshot);
    if (missing !== null) fail(missing, node);
    return readReference(resolved, this.snapshot);
  }

  private binary(node: BinaryNode): Value {
    const left = this.value(node.left);
    // && and || on a number decide from the left alone when they can, so a condition such as
    // `c_i > 0 || delta(1)[1] > 0` does not fail on a quantity it does not need.
    if ((node.op === '&&' || node.op === '||') && typeof left === 'number') {
      const holds = truthy(left)!;
      if (node.op === '&&' ? !holds : holds) return holds ? 1 : 0;
    }
    const right = this.value(node.right);
    const result = combineValues(left, right, BINARY[node.op], () => describe(node));
    if (result === null) {
      const message = `${node.op} needs operands of the same shape, or a number: ${describe(node.left)} is ${shapeOf(left)}, ${describe(node.right)} is ${shapeOf(right)}`;
      fail(message, node);
    }
    return result;
  }

  private call(node: CallNode): Value {
    const fn = node.fn;
    if (fn === 'fd') return this.finiteDifference(node.args[0] as ReferenceNode);
    const args = node.args.map((arg) => this.value(arg));
    if (fn === 'abs' || fn === 'exp' || fn === 'log' || fn === 'sqrt') return mapValue(args[0], ELEMENTWISE[fn], () => describe(node));
    if ((fn === 'max' || fn === 'min') && args.length > 1) {
      // Several arguments: the largest (smallest) entry by entry, as Math.max does for numbers.
      const pick = fn === 'max' ? Math.max : Math.min;
      let result = args[0];
      for (let q = 1; q < args.length; q++) {
        const combined = combineValues(result, args[q], pick, () => describe(node));
        if (combined === null) {
          fail(`${fn} needs arguments of the same shape, or numbers: ${describe(node.args[0])} is ${shapeOf(args[0])}, ${describe(node.args[q])} is ${shapeOf(args[q])}`, node);
        }
        result = combined;
      }
      return result;
    }
    return REDUCTIONS[fn as keyof typeof REDUCTIONS](args[0]);
  }

  /** fd(w(ℓ)[…]) or fd(b(ℓ)[j]); the parser has made sure the argument is one such parameter. */
  private finiteDifference(node: ReferenceNode): number {
    const { layer, entry } = this.resolve(node);
    const { k, j } = entry!;
    if (node.quantity === 'w') return centralDifference(this.network, 'w', layer, (k - 1) * this.network.layers[layer].size + (j - 1));
    return centralDifference(this.network, 'b', layer, j - 1);
  }
}
