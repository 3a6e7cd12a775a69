/**
 * The words around the picture: the classes' names for its legend, and what a screen reader
 * hears for the canvas (role="img"): what is drawn, over which range, how much of the plane each
 * class takes, and how many examples, held out or not. Pure.
 */
import { thousands } from '../../src/core/notation/count';
import { formatNumber } from '../../src/core/notation/format';
import { a as activation } from '../../src/core/notation/symbols';
import type { TrainingPicture } from '../../src/shared/trainingMessages';

type MapPicture = Extract<TrainingPicture, { kind: 'map' }>;
type CurvePicture = Extract<TrainingPicture, { kind: 'curve' }>;

/**
 * Class k's name. A network with one output predicts class 1 above the middle of the targets and
 * class 0 below ("class 0", "class 1", as the examples' targets write them); with several outputs
 * the class is the largest output a⁽ᴸ⁾ⱼ, so it is named by that output: "output 2 (a⁽²⁾₂ largest)".
 */
export function className(k: number, outputs: number, layers: number): string {
  return outputs <= 1 ? `class ${k}` : `output ${k + 1} (${activation(layers, k + 1).text} largest)`;
}

/** "after 120 steps", "before training" for t = 0. */
export function stepPhrase(t: number): string {
  return t === 0 ? 'before training' : `after ${thousands(t)} ${t === 1 ? 'step' : 'steps'}`;
}

function range(r: readonly [number, number]): string {
  return `from ${formatNumber(r[0], 3)} to ${formatNumber(r[1], 3)}`;
}

function pointsPhrase(heldOut: readonly boolean[]): string {
  const held = heldOut.filter(Boolean).length;
  const count = heldOut.length;
  return `${thousands(count)} ${count === 1 ? 'example' : 'examples'} drawn as points${held > 0 ? `, ${thousands(held)} of them held out (hollow)` : ''}.`;
}

/** How many cells of the map each class takes, as whole percentages. */
export function classShares(picture: MapPicture): number[] {
  const counts = new Array<number>(picture.classCount).fill(0);
  for (let i = 0; i < picture.classes.length; i++) counts[picture.classes[i]]++;
  return counts.map((c) => Math.round((100 * c) / Math.max(1, picture.classes.length)));
}

export function mapLabel(picture: MapPicture, step: number, outputs: number, layers: number): string {
  const shares = classShares(picture)
    .map((share, k) => ({ share, name: className(k, outputs, layers) }))
    .filter((c) => c.share > 0)
    .map((c) => `${c.name} ${c.share}%`);
  return [
    `Decision map ${stepPhrase(step)}, over x₁ ${range(picture.x1)} and x₂ ${range(picture.x2)}.`,
    `Share of the plane predicted as ${shares.join(', ')}.`,
    pointsPhrase(picture.points.heldOut),
  ].join(' ');
}

export function curveLabel(picture: CurvePicture, step: number, layers: number): string {
  const xs = [picture.x[0], picture.x[picture.x.length - 1]] as const;
  let low = Infinity;
  let high = -Infinity;
  for (const y of picture.y) if (Number.isFinite(y)) [low, high] = [Math.min(low, y), Math.max(high, y)];
  const output = activation(layers, 1).text;
  const values = low <= high ? `, which ranges from ${formatNumber(low, 3)} to ${formatNumber(high, 3)}` : ', which is not finite';
  return [`Fitted curve ${stepPhrase(step)}: the network's output ${output} for x₁ ${range(xs)}${values}.`, pointsPhrase(picture.points.heldOut)].join(' ');
}

/** The heading over the picture. */
export function pictureHeading(kind: TrainingPicture['kind'], step: number): string {
  return `${kind === 'map' ? 'Decision map' : 'Fitted curve'} ${stepPhrase(step)}`;
}
