import { relativeError, type Probe } from '../engine/parameterProbe';

/**
 * How one parameter's two slopes are compared, in one place (the CLI's help, the README and the
 * panel describe exactly this):
 *
 *   relative error = |FD − BP| / max(|FD| + |BP|, floor),   floor = max(10⁻⁵·|c|, 10⁻¹²)
 *
 * with FD the central difference, BP backprop's ∂c/∂θ and c the mean cost. The floor is there
 * because c(θ ± h) are rounded to about 16 significant digits: their difference, divided by 2h,
 * carries an error of roughly 10⁻¹⁶·|c|/h ≈ 10⁻¹¹·|c| whatever the slope. A slope far below
 * 10⁻⁵·|c| (the first layers of a deep sigmoid network have some near 10⁻⁹) is therefore measured
 * against 10⁻⁵·|c| instead of its own size, so that rounding alone cannot make it fail, while
 * a wrong derivative of any visible size still does.
 */

/** The default tolerance: every example and every activation and cost passes it with room (rounding reaches a few ×10⁻⁶). */
export const DEFAULT_TOLERANCE = 1e-4;
/** The floor of the denominator, relative to the cost c. */
export const FLOOR_PER_COST = 1e-5;
/** The floor's own floor, for a cost of (almost) exactly 0. */
export const MIN_FLOOR = 1e-12;
/**
 * A kink is believed only when the two one-sided slopes differ by this many times what rounding
 * alone can produce in them (ε·|c|/h): a jump in slope, not noise.
 */
const KINK_OVER_NOISE = 1000;

/**
 * pass: within the tolerance; fail: outside it; kink: outside it, but because c is not smooth
 * within ±h of θ; clamped: outside it, but because θ acts on an output held by a log clamp.
 */
export type Verdict = 'pass' | 'fail' | 'kink' | 'clamped';

export function relativeErrorFloor(cost: number): number {
  return Math.max(FLOOR_PER_COST * Math.abs(cost), MIN_FLOOR);
}

/**
 * The relative error of one probe and what it means.
 *
 * Kinks: relu and leaky-relu bend at z = 0, and the log clamp of the cross-entropy costs is a
 * bend too. When a neuron's z, for some example, lies within the step of its bend, c(θ + h) and
 * c(θ − h) sit on two different slopes and the central difference is their blend, which neither
 * backprop's slope nor any other is. Such a probe has a clear signature: the one-sided slopes
 * (c(θ + h) − c(θ))/h and (c(θ) − c(θ − h))/h differ by far more than rounding explains, and
 * backprop agrees with one of them (the side where no bend lies) much better than they agree
 * with each other. Those parameters are marked `kink` instead of failing; a wrong derivative in
 * smooth territory leaves the one-sided slopes together, so it still fails.
 *
 * Clamps: an output deep inside a log clamp (a sigmoid's a within 10⁻¹² of 0 or 1 under a
 * cross-entropy cost) makes c flat on both sides, so no kink shows, yet backprop takes the
 * formula's ∂c/∂a at the clamp. `flat` is then the same parameter's slope backpropagated from
 * the slope of c exactly as computed (0 through the held logs, ParameterProbe.flat): when the
 * central difference agrees with that within the tolerance, the whole difference is the clamp's,
 * and the parameter is marked `clamped`; a wrong derivative elsewhere disagrees with both.
 */
export function judge(
  probe: Probe,
  backprop: number,
  cost: number,
  tolerance: number,
  flat: number | null = null,
): { relativeError: number; verdict: Verdict } {
  const floor = relativeErrorFloor(cost);
  const error = relativeError(probe.central, backprop, floor);
  if (error <= tolerance) return { relativeError: error, verdict: 'pass' };
  const gap = Math.abs(probe.forward - probe.backward);
  const noise = (Number.EPSILON * Math.abs(cost)) / probe.h;
  const nearest = Math.min(Math.abs(backprop - probe.forward), Math.abs(backprop - probe.backward));
  const kink = gap > KINK_OVER_NOISE * noise && nearest <= gap / 4 && Math.abs(probe.central - backprop) <= gap;
  if (kink) return { relativeError: error, verdict: 'kink' };
  const clamped = flat !== null && relativeError(probe.central, flat, floor) <= tolerance;
  return { relativeError: error, verdict: clamped ? 'clamped' : 'fail' };
}
