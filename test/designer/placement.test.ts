import { describe, expect, it } from 'vitest';
import { findFreeSpot } from '../../designer/src/flow-designer/graph/placement';

const size = { width: 240, height: 110 };

describe('placing a step added by clicking', () => {
  it('puts it where asked when nothing is there', () => {
    expect(findFreeSpot({ x: 0, y: 0 }, size, [{ x: 500, y: 500, ...size }])).toEqual({ x: 0, y: 0 });
  });

  it('moves it next to a step that already sits there, never on top of it', () => {
    const taken = [{ x: 0, y: 0, ...size }];
    const spot = findFreeSpot({ x: 10, y: 10 }, size, taken);
    const apart = spot.x >= 240 + 24 || spot.x <= -240 - 24 || spot.y >= 110 + 24 || spot.y <= -110 - 24;
    expect(apart).toBe(true);
  });

  it('finds room among many steps', () => {
    const taken = Array.from({ length: 9 }, (_, i) => ({ x: (i % 3) * 280, y: Math.floor(i / 3) * 160, ...size }));
    const spot = findFreeSpot({ x: 280, y: 160 }, size, taken);
    for (const rect of taken) {
      const clear = spot.x >= rect.x + rect.width || rect.x >= spot.x + size.width || spot.y >= rect.y + rect.height || rect.y >= spot.y + size.height;
      expect(clear).toBe(true);
    }
  });
});
