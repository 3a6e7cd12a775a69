/**
 * Standard normal draws for the generated data sets, made from a uniform stream such as
 * mulberry32 (model/initialise.ts) by the Box–Muller transform:
 *
 *   g = √(−2 ln(1 − r₁)) · cos(2π r₂)
 *
 * with r₁, r₂ the next two draws in [0, 1). 1 − r₁ lies in (0, 1], so the logarithm is always
 * finite. Each g takes exactly two draws and the transform's second value, √(…)·sin(2π r₂), is
 * not kept: the stream's position then depends only on how many draws were made, which keeps
 * the documented draw order simple.
 *
 * Math.log, Math.cos and Math.sqrt: √ is correctly rounded by IEEE 754; log, cos and sin are
 * not required to be by ECMAScript, but V8 computes them in software compiled into V8 itself
 * (src/base/ieee754.cc, derived from fdlibm; newer builds take sin and cos from a copy of
 * glibc's code bundled in V8), never with the machine's own maths library. So every machine
 * running the same V8 (Node, VS Code, Chromium) gets the same bits. Another JavaScript engine,
 * or a V8 that changes its sin or cos, could differ in the last bit; the tests pin exact bits
 * for fixed seeds, so such a change would show.
 */
export function gaussian(next: () => number): number {
  const r1 = next();
  const r2 = next();
  return Math.sqrt(-2 * Math.log(1 - r1)) * Math.cos(2 * Math.PI * r2);
}
