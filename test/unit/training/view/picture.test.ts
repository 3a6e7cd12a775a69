/**
 * The picture's pure parts: marker shapes that differ by class, axis ticks, and the words a screen
 * reader hears for the canvas.
 */
import { describe, expect, it } from 'vitest';
import type { TrainingPicture } from '../../../../src/shared/trainingMessages';
import { DASHES, dashFor, MARKERS, markerFor, svgPoints } from '../../../../webview/training/markers';
import { classShares, className, curveLabel, mapLabel } from '../../../../webview/training/pictureText';
import { niceTicks, paddedRange, plotFrame, toPixelX, toPixelY } from '../../../../webview/training/ticks';

describe('markers and dashes', () => {
  it('gives each class its own shape and each series its own dash pattern', () => {
    expect(new Set(MARKERS.map((m) => m.name)).size).toBe(MARKERS.length);
    expect(markerFor(0).name).toBe('circle');
    expect(markerFor(1).name).toBe('square');
    expect(markerFor(MARKERS.length)).toBe(markerFor(0));
    expect(new Set(DASHES.map((d) => d.join(','))).size).toBe(DASHES.length);
    expect(dashFor(0)).toEqual([]);
    for (const marker of MARKERS) if (marker.shape.kind === 'polygon') for (const [x, y] of marker.shape.points) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1.5);
    expect(svgPoints([[0, -1], [1, 1]], 7, 7, 4)).toBe('7,3 11,11');
  });
});

describe('picture axes', () => {
  it('ticks at 1, 2 or 5 × 10ⁿ without rounding noise', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-1.3, 1.3, 4)).toEqual([-1, 0, 1]);
    expect(niceTicks(0.1, 0.35, 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });

  it('pads the range of the finite values, and maps it onto the frame', () => {
    expect(paddedRange([0, 1], [NaN, 0.5])).toEqual([-0.1, 1.1]);
    expect(paddedRange([3, 3])).toEqual([2.5, 3.5]);
    expect(paddedRange([Infinity])).toEqual([0, 1]);
    const frame = plotFrame(300, 200, 12);
    expect(frame.left + frame.width).toBeLessThan(300);
    expect(toPixelX(frame, [0, 10], 0)).toBe(frame.left);
    expect(toPixelX(frame, [0, 10], 10)).toBe(frame.left + frame.width);
    expect(toPixelY(frame, [0, 10], 0)).toBe(frame.top + frame.height);
    expect(toPixelY(frame, [0, 10], 10)).toBe(frame.top);
  });
});

describe('picture words', () => {
  const points = { x: [0, 0, 1, 1, 0.5, 0.5], label: [0, 1, 1], heldOut: [false, true, false] };
  const map: Extract<TrainingPicture, { kind: 'map' }> = {
    kind: 'map', x1: [-1.2, 1.2], x2: [0, 2], resolution: 2, classes: [0, 0, 0, 1], confidence: [1, 1, 1, 1], classCount: 2, points,
  };

  it('names classes by target for one output and by the largest output for several', () => {
    expect(className(1, 1, 2)).toBe('class 1');
    expect(className(1, 3, 2)).toBe('output 2 (a⁽²⁾₂ largest)');
  });

  it('says what the map shows, including each class’s share and the held-out points', () => {
    expect(classShares(map)).toEqual([75, 25]);
    expect(mapLabel(map, 120, 1, 2)).toBe(
      'Decision map after 120 steps, over x₁ from −1.2 to 1.2 and x₂ from 0 to 2. Share of the plane predicted as class 0 75%, class 1 25%. 3 examples drawn as points, 1 of them held out (hollow).',
    );
  });

  it('says what the curve shows, and before training', () => {
    const curve: Extract<TrainingPicture, { kind: 'curve' }> = { kind: 'curve', x: [0, 0.5, 1], y: [0.1, NaN, 0.9], points: { x: [0], label: [1], heldOut: [false] } };
    expect(curveLabel(curve, 0, 2)).toBe(
      "Fitted curve before training: the network's output a⁽²⁾₁ for x₁ from 0 to 1, which ranges from 0.1 to 0.9. 1 example drawn as points.",
    );
  });
});
