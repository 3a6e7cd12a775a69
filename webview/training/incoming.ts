/**
 * Checks what arrives through postMessage before the Training panel touches it. The extension is
 * trusted, but it is written by another hand against the same protocol
 * (src/shared/trainingMessages.ts), and one malformed message must cost at most itself: a
 * misspelt field, an array of the wrong length or a step count far past the spec's limit is
 * dropped here, never drawn as half a chart or allocated as a billion-entry array. Pure.
 *
 * Numeric arrays may also arrive as Float64Array or Float32Array (structured clone keeps typed
 * arrays): the panel only indexes them, so either is accepted. Numbers inside them may be NaN or
 * ±∞ (a diverging run records them); the drawing code treats those as gaps.
 */
import { MAX_TRAINING_STEPS } from '../../src/core/model/limits';
import type { ExtensionToTraining, TrainingPicture, TrainingPoints } from '../../src/shared/trainingMessages';

/** Sizes the panel refuses to draw: far beyond any spec the parser accepts, so only a fault. */
const MAX_LAYERS = 1_000;
const MAX_RESOLUTION = 1_024;
const MAX_CLASSES = 10_000;
const PICTURES = ['map', 'curve', 'none'] as const;
const OUTCOMES = ['completed', 'cancelled', 'diverged'] as const;

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An array (or typed array) of numbers, of `length` entries when given. */
export function isNumbers(value: unknown, length?: number): boolean {
  if (value instanceof Float64Array || value instanceof Float32Array) return length === undefined || value.length === length;
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'number') return false;
  return true;
}

/**
 * The history's numbers as they were computed: webview messages travel as JSON, which writes NaN
 * and ±∞ as null, so a null in a cost or norm array becomes NaN again, a gap when drawn.
 */
function withGaps(value: unknown): unknown {
  return Array.isArray(value) && value.includes(null) ? value.map((entry) => (entry === null ? Number.NaN : entry)) : value;
}

/** The length of an array or typed array; −1 for anything else. */
function lengthOf(value: unknown): number {
  return Array.isArray(value) || value instanceof Float64Array || value instanceof Float32Array ? value.length : -1;
}

function isRange(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && isFiniteNumber(value[0]) && isFiniteNumber(value[1]) && value[0] <= value[1];
}

function oneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** The examples as points, with `inputs` numbers of x per point (2 for a map, 1 for a curve). */
function isPoints(value: unknown, inputs: number): value is TrainingPoints {
  if (!isObject(value) || !isNumbers(value.label)) return false;
  const count = lengthOf(value.label);
  const held = value.heldOut;
  return isNumbers(value.x, count * inputs) && Array.isArray(held) && held.length === count && held.every((h) => typeof h === 'boolean');
}

export function isPicture(value: unknown): value is TrainingPicture {
  if (!isObject(value)) return false;
  if (value.kind === 'curve') {
    const length = lengthOf(value.x);
    return length >= 2 && isNumbers(value.x, length) && isNumbers(value.y, length) && isPoints(value.points, 1);
  }
  if (value.kind !== 'map') return false;
  const { resolution, classCount } = value;
  if (!isCount(resolution, 1, MAX_RESOLUTION) || !isCount(classCount, 1, MAX_CLASSES)) return false;
  const cells = resolution * resolution;
  if (!isRange(value.x1) || !isRange(value.x2) || !isNumbers(value.confidence, cells) || !isNumbers(value.classes, cells)) return false;
  const classes = value.classes as ArrayLike<number>;
  for (let i = 0; i < cells; i++) if (!isCount(classes[i], 0, classCount - 1)) return false;
  return isPoints(value.points, 2);
}

/** The message, typed, when it is a well-formed ExtensionToTraining; null for anything else. */
export function parseIncoming(value: unknown): ExtensionToTraining | null {
  if (!isObject(value)) return null;
  const m = value;
  switch (m.type) {
    case 'run': {
      const sizes = m.sizes;
      const ok =
        isCount(m.id) &&
        typeof m.uri === 'string' &&
        typeof m.fileName === 'string' &&
        (m.networkName === null || typeof m.networkName === 'string') &&
        isCount(m.steps, 1, MAX_TRAINING_STEPS) &&
        isCount(m.batchSize, 1) &&
        (m.shuffle === null || isFiniteNumber(m.shuffle)) &&
        isFiniteNumber(m.learningRate) &&
        Array.isArray(sizes) && sizes.length >= 2 && sizes.length <= MAX_LAYERS + 1 && sizes.every((n) => isCount(n, 1)) &&
        typeof m.hasValidation === 'boolean' &&
        oneOf(m.picture, PICTURES) &&
        isCount(m.digits, 1, 17) &&
        (m.restored === undefined || m.restored === true);
      return ok ? (m as unknown as ExtensionToTraining) : null;
    }
    case 'progress': {
      m.cost = withGaps(m.cost);
      m.validationCost = withGaps(m.validationCost);
      if (Array.isArray(m.gradientNorms)) m.gradientNorms = m.gradientNorms.map(withGaps);
      const norms = m.gradientNorms;
      const ok =
        isCount(m.done, 0, MAX_TRAINING_STEPS) &&
        isCount(m.from, 0, MAX_TRAINING_STEPS) &&
        isNumbers(m.cost) &&
        isNumbers(m.validationCost) &&
        Array.isArray(norms) && norms.length <= MAX_LAYERS && norms.every((layer) => isNumbers(layer)) &&
        typeof m.throughput === 'number';
      return ok ? (m as unknown as ExtensionToTraining) : null;
    }
    case 'finished': {
      const ok =
        isCount(m.done, 0, MAX_TRAINING_STEPS) &&
        oneOf(m.outcome, OUTCOMES) &&
        (m.divergedAt === null || isCount(m.divergedAt, 0, MAX_TRAINING_STEPS)) &&
        typeof m.elapsedMs === 'number' && m.elapsedMs >= 0;
      return ok ? (m as unknown as ExtensionToTraining) : null;
    }
    case 'snapshot': {
      // A snapshot's cost is never absent: null is one that was not finite.
      if (m.cost === null) m.cost = Number.NaN;
      const ok =
        isCount(m.step, 0, MAX_TRAINING_STEPS) &&
        typeof m.cost === 'number' &&
        (m.validationCost === null || typeof m.validationCost === 'number') &&
        (m.picture === null || isPicture(m.picture));
      return ok ? (m as unknown as ExtensionToTraining) : null;
    }
    case 'renamed':
      return typeof m.uri === 'string' && typeof m.fileName === 'string' ? (m as unknown as ExtensionToTraining) : null;
    default:
      return null;
  }
}
