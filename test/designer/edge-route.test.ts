import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow } from '../../workflows/flow';
import { midpointOf, roundedPath, routeEdge, type Box, type Point } from '../../designer/src/flow-designer/graph/edge-route';

const size = { width: 240, height: 110 };

/** Where an edge leaves a box (its right side) and enters one (its left side), as the steps draw their handles. */
const outOf = (box: Box, port = 0): Point => ({ x: box.x + box.width + 6, y: box.y + 40 + 20 * port });
const into = (box: Box): Point => ({ x: box.x - 6, y: box.y + 35 });

/** True when a run of the line passes through the inside of `box`. */
function crosses(points: readonly Point[], box: Box): boolean {
  return points.slice(1).some((b, index) => {
    const a = points[index] ?? b;
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    return x0 < box.x + box.width && x1 > box.x && y0 < box.y + box.height && y1 > box.y;
  });
}

const onlySquareTurns = (points: readonly Point[]) => points.slice(1).every((b, index) => b.x === points[index]?.x || b.y === points[index]?.y);

describe('the line of an edge', () => {
  it('takes the usual shape, out, across and in, when nothing is in the way', () => {
    const a: Box = { id: 'a', x: 0, y: 0, ...size };
    const b: Box = { id: 'b', x: 400, y: 200, ...size };
    const points = routeEdge(outOf(a), into(b), [a, b], { source: 'a', target: 'b' });
    const middle = (outOf(a).x + into(b).x) / 2;
    expect(points).toEqual([outOf(a), { x: middle, y: outOf(a).y }, { x: middle, y: into(b).y }, into(b)]);
  });

  it('goes around a step standing between the two it joins', () => {
    const a: Box = { id: 'a', x: 0, y: 0, ...size };
    const between: Box = { id: 'between', x: 300, y: 0, ...size };
    const b: Box = { id: 'b', x: 600, y: 0, ...size };
    const points = routeEdge(outOf(a), into(b), [a, between, b], { source: 'a', target: 'b' });
    expect(crosses(points, between)).toBe(false);
    expect(onlySquareTurns(points)).toBe(true);
  });

  it('loops back over or under the steps in between, leaving rightwards and arriving from the left', () => {
    const boxes: Box[] = [0, 1, 2, 3].map((column) => ({ id: `s${column}`, x: column * 320, y: 0, ...size }));
    const [first, , , last] = boxes as [Box, Box, Box, Box];
    const points = routeEdge(outOf(last), into(first), boxes, { source: last.id, target: first.id });
    for (const box of boxes) expect(crosses(points, box), box.id).toBe(false);
    expect(points[0]).toEqual(outOf(last));
    expect(points[1]?.x).toBeGreaterThan(outOf(last).x);
    expect(points.at(-1)).toEqual(into(first));
    expect(points.at(-2)?.x).toBeLessThan(into(first).x);
    expect(onlySquareTurns(points)).toBe(true);
  });

  it('takes the usual shape, through whatever is in the way, when asked not to search (while dragging)', () => {
    const a: Box = { id: 'a', x: 0, y: 0, ...size };
    const between: Box = { id: 'between', x: 300, y: 0, ...size };
    const b: Box = { id: 'b', x: 600, y: 0, ...size };
    const points = routeEdge(outOf(a), into(b), [a, between, b], { source: 'a', target: 'b' }, { search: false });
    expect(points).toHaveLength(4);
    expect(crosses(points, between)).toBe(true);
  });

  it('keeps every edge of the default escalation flow out of the steps it does not join', () => {
    const boxes: Box[] = milestoneMissEscalationFlow.nodes.map((node) => ({ id: node.id, ...node.position, ...size }));
    const byId = new Map(boxes.map((box) => [box.id, box]));
    for (const edge of milestoneMissEscalationFlow.edges) {
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      if (source === undefined || target === undefined) throw new Error(`Edge ${edge.id} joins an unknown step.`);
      const points = routeEdge(outOf(source), into(target), boxes, edge);
      for (const box of boxes.filter((b) => b.id !== edge.source && b.id !== edge.target)) expect(crosses(points, box), `${edge.id} through ${box.id}`).toBe(false);
    }
  });

  it('never runs through a step it does not join, wherever steps of a grid stand', () => {
    // Steps of different heights on the cells of a grid as tight as the default flows' (none
    // overlapping), an edge between any two of them.
    const cell = fc.record({ column: fc.integer({ min: 0, max: 5 }), row: fc.integer({ min: 0, max: 4 }), height: fc.integer({ min: 80, max: 140 }) });
    fc.assert(
      fc.property(fc.uniqueArray(cell, { minLength: 2, maxLength: 14, selector: (c) => `${c.column}:${c.row}` }), fc.nat(), fc.nat(), (cells, s, t) => {
        const boxes: Box[] = cells.map((c, index) => ({ id: `n${index}`, x: c.column * 280, y: c.row * 160, width: 242, height: c.height }));
        const source = boxes[s % boxes.length] as Box;
        const target = boxes[(s + 1 + (t % (boxes.length - 1))) % boxes.length] as Box;
        const points = routeEdge(outOf(source, t % 3), into(target), boxes, { source: source.id, target: target.id });
        expect(onlySquareTurns(points)).toBe(true);
        for (const box of boxes) if (box !== source && box !== target) expect(crosses(points, box), box.id).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('drawing the line', () => {
  it('rounds the corners and ends exactly at both handles', () => {
    const d = roundedPath([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
      { x: 200, y: 50 },
    ]);
    expect(d).toBe('M 0 0 L 92 0 Q 100 0 100 8 L 100 42 Q 100 50 108 50 L 200 50');
  });

  it('puts the label halfway along the line', () => {
    expect(
      midpointOf([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
      ]),
    ).toEqual({ x: 100, y: 0 });
  });
});
