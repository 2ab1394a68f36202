import { describe, expect, it } from 'vitest';
import { readableViewport, readableZoom } from '../../designer/src/flow-designer/graph/readable-viewport';

const options = { minZoom: readableZoom(13), maxZoom: 1.2, padding: 40 };

describe('where the canvas looks when a flow opens', () => {
  it('shows a small flow whole and centred, no larger than the largest zoom', () => {
    const viewport = readableViewport({ x: 0, y: 0, width: 240, height: 110 }, { width: 800, height: 600 }, options);
    expect(viewport.zoom).toBe(1.2);
    expect(viewport.x).toBeCloseTo((800 - 240 * 1.2) / 2);
    expect(viewport.y).toBeCloseTo((600 - 110 * 1.2) / 2);
  });

  it('fits a flow that is readable when fitted', () => {
    const viewport = readableViewport({ x: 100, y: 50, width: 1000, height: 300 }, { width: 1080, height: 700 }, options);
    expect(viewport.zoom).toBeCloseTo(1);
    expect(viewport.x).toBeCloseTo(40 - 100);
  });

  it('never goes below the zoom at which 13 px titles render at 12 px; a wide flow starts at its left edge and scrolls', () => {
    const viewport = readableViewport({ x: 0, y: 0, width: 1640, height: 270 }, { width: 840, height: 770 }, options);
    expect(viewport.zoom).toBeCloseTo(12 / 13);
    expect(13 * viewport.zoom).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(viewport.x).toBe(40);
    // Short enough to fit in height: centred that way.
    expect(viewport.y).toBeCloseTo((770 - 270 * viewport.zoom) / 2);
  });

  it('starts a tall flow at its top', () => {
    const viewport = readableViewport({ x: 0, y: -200, width: 300, height: 3000 }, { width: 840, height: 770 }, options);
    expect(viewport.y).toBeCloseTo(40 + 200 * viewport.zoom);
  });
});
