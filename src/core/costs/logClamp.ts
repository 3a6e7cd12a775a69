/**
 * Logarithms in the costs: ln a is taken at max(a, LOG_EPSILON) (and ln(1 − a) at
 * max(1 − a, LOG_EPSILON)), in the cost and in its derivative alike. A sigmoid output rounds to
 * exactly 1 in float64 once z exceeds about 37, so without the clamp a confident wrong answer
 * would turn the cost into Infinity and every gradient into NaN. With it the cost stays large but
 * finite (−ln 1e−12 ≈ 27.6 per term) and the derivative stays a (huge) number the learner can read.
 */
export const LOG_EPSILON = 1e-12;

export function clampLow(v: number): number {
  return v > LOG_EPSILON ? v : LOG_EPSILON;
}

/**
 * 1/v where ln v is taken as it is, 0 where the clamp holds it (ln max(v, ε) is flat below ε):
 * the slope of the clamped log, for the costs' `flatGradient`.
 */
export function unclampedInverse(v: number): number {
  return v > LOG_EPSILON ? 1 / v : 0;
}
