/**
 * The expression language of the debugger's Watch view, Debug Console, hovers, breakpoint
 * conditions and logpoints, in the article's symbols:
 *
 *   delta(2)[1]   δ⁽²⁾₁          w(2)[1,2]   w⁽²⁾₁₂        dc/dw(2)[1,2]   ∂c/∂w⁽²⁾₁₂
 *   dci/dw(2)[1,2] ∂cᵢ/∂w⁽²⁾₁₂   dc/da(1)[2] ∂cᵢ/∂a⁽¹⁾₂    sigma'(1)[2]    σ′(z⁽¹⁾₂)
 *   delta(2)  w(1)  x  y  c_i  c  eta      abs(delta(2)[1]) < 1e-4      fd(w(2)[1,2])
 *
 * Pure: no vscode, Node or DOM. Mistakes are data with character offsets, never exceptions:
 *   parseExpression(text)          → { ast } | { errors: [{ message, start, end }] }
 *   evaluate(ast, { snapshot })    → { value } | { error: { message, start, end } }
 *
 * One file per concept: names.ts (the table of quantities and functions), lexer.ts, parser.ts
 * (AST in ast.ts), print.ts and describe.ts (text back out), references.ts (what a reference
 * names at a stepping position), operations.ts and values.ts (arithmetic, formatting),
 * finiteDifference.ts (fd), evaluate.ts, completions.ts.
 */
export type {
  BinaryNode,
  CallNode,
  ExpressionError,
  ExpressionNode,
  IndexSpec,
  LayerSpec,
  NumberNode,
  ParseResult,
  ReferenceNode,
  Span,
  UnaryNode,
} from './ast';
export { completions, type CompletionOptions, type ExpressionCompletion } from './completions';
export { describeReference, notationOf } from './describe';
export { checkExpression, evaluate, evaluateText, type EvaluationContext, type EvaluationResult } from './evaluate';
export { centralDifference, FD_STEP } from './finiteDifference';
export { FUNCTIONS, QUANTITIES, type FunctionName, type QuantityName } from './names';
export { parseExpression } from './parser';
export { describe, printExpression, type PrintStyle } from './print';
export { resolveReference, type ResolvedReference } from './references';
export { formatValue, shapeOf, truthy, type MatrixValue, type Value, type VectorValue } from './values';
