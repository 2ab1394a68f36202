/**
 * Where an edge's line runs on the canvas: right and left with square turns, around the steps it
 * does not join. Flows read left to right, so a loop back (a "fewer than 3 levels? → escalate
 * again") has to go over or under the steps in between rather than through them. Works for any
 * positions, whether ELK placed the steps or someone dragged them, so it is recomputed as they move.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A step's box on the canvas (top-left corner and size, in flow coordinates). */
export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** How far lines keep from a step they pass. */
export const clearance = 12;
/** How far a line runs straight out of an output and into an input before it may turn. */
export const stub = 20;
/** What a turn costs, in pixels of length: a slightly longer line with fewer turns reads better. */
const turnCost = 40;
/** Beyond this many steps, routes are not searched for (too slow to redo while dragging); lines take the simple shape. */
export const maxRoutedSteps = 150;

const rectOf = (box: Box, grow: number): Rect => ({ left: box.x - grow, top: box.y - grow, right: box.x + box.width + grow, bottom: box.y + box.height + grow });

const strictlyInside = (p: Point, r: Rect): boolean => p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom;

/** True when the axis-parallel segment a→b runs through the inside of `r` (touching its border is fine). */
function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  if (a.y === b.y) {
    const [from, to] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
    return a.y > r.top && a.y < r.bottom && from < r.right && to > r.left;
  }
  const [from, to] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  return a.x > r.left && a.x < r.right && from < r.bottom && to > r.top;
}

/** Drops points in the middle of a straight run, and repeated points. */
export function simplify(points: readonly Point[]): Point[] {
  const result: Point[] = [];
  for (const point of points) {
    const last = result[result.length - 1];
    if (last !== undefined && last.x === point.x && last.y === point.y) continue;
    const before = result[result.length - 2];
    if (before !== undefined && last !== undefined && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y))) result.pop();
    result.push(point);
  }
  return result;
}

/**
 * What the line must keep out of: every step grown by the clearance, except that where a step
 * stands closer than that to a point the line must pass, its margin is cut back to that point.
 */
function obstaclesFor(boxes: readonly Box[], ends: readonly Point[]): Rect[] {
  const result: Rect[] = [];
  for (const box of boxes) {
    const tight = rectOf(box, 0);
    if (ends.some((end) => strictlyInside(end, tight))) continue;
    let { left, top, right, bottom } = rectOf(box, clearance);
    for (const end of ends) {
      if (!strictlyInside(end, { left, top, right, bottom })) continue;
      if (end.x >= tight.right) right = end.x;
      else if (end.x <= tight.left) left = end.x;
      else if (end.y >= tight.bottom) bottom = end.y;
      else top = end.y;
    }
    result.push({ left, top, right, bottom });
  }
  return result;
}

const sortedUnique = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/** Index of `value` in the sorted `values`, or of the first one above it. */
function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A small binary heap of state numbers by cost, for the search. */
class Queue {
  private readonly items: { state: number; cost: number }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(state: number, cost: number): void {
    const items = this.items;
    items.push({ state, cost });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = items[parent];
      const here = items[i];
      if (up === undefined || here === undefined || up.cost <= here.cost) break;
      items[parent] = here;
      items[i] = up;
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) throw new Error('The search queue is empty.');
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if ((items[left]?.cost ?? Infinity) < (items[smallest]?.cost ?? Infinity)) smallest = left;
        if ((items[right]?.cost ?? Infinity) < (items[smallest]?.cost ?? Infinity)) smallest = right;
        if (smallest === i) break;
        const a = items[i];
        const b = items[smallest];
        if (a === undefined || b === undefined) break;
        items[i] = b;
        items[smallest] = a;
        i = smallest;
      }
    }
    return top.state;
  }
}

// Directions: 0 east, 1 west, 2 south, 3 north.
const steps: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];

/**
 * The shortest line with few turns from `start` (leaving east) to `end` (arriving east) that keeps
 * out of `obstacles`, on the grid of the obstacles' borders; null when there is none.
 */
function search(start: Point, end: Point, obstacles: readonly Rect[]): Point[] | null {
  const xs = sortedUnique([start.x, end.x, ...obstacles.flatMap((r) => [r.left, r.right])]);
  const ys = sortedUnique([start.y, end.y, ...obstacles.flatMap((r) => [r.top, r.bottom])]);
  const columns = xs.length;
  const rows = ys.length;
  // Cells between neighbouring grid lines, marked when inside an obstacle.
  const blocked = new Uint8Array(Math.max(0, (columns - 1) * (rows - 1)));
  for (const r of obstacles) {
    const [i0, i1, j0, j1] = [lowerBound(xs, r.left), lowerBound(xs, r.right), lowerBound(ys, r.top), lowerBound(ys, r.bottom)];
    for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) blocked[i * (rows - 1) + j] = 1;
  }
  const cell = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < columns - 1 && j < rows - 1 && blocked[i * (rows - 1) + j] === 1;
  // A grid segment runs through an obstacle when the cells on both of its sides are inside one.
  const open = (i: number, j: number, direction: number): boolean => {
    if (direction === 0) return !(cell(i, j - 1) && cell(i, j));
    if (direction === 1) return !(cell(i - 1, j - 1) && cell(i - 1, j));
    if (direction === 2) return !(cell(i - 1, j) && cell(i, j));
    return !(cell(i - 1, j - 1) && cell(i, j - 1));
  };

  const startI = lowerBound(xs, start.x);
  const startJ = lowerBound(ys, start.y);
  const endI = lowerBound(xs, end.x);
  const endJ = lowerBound(ys, end.y);
  const stateOf = (i: number, j: number, direction: number) => (i * rows + j) * 4 + direction;
  const cost = new Float64Array(columns * rows * 4).fill(Infinity);
  const from = new Int32Array(columns * rows * 4).fill(-1);
  const estimate = (i: number, j: number) => Math.abs((xs[i] ?? 0) - end.x) + Math.abs((ys[j] ?? 0) - end.y);
  const queue = new Queue();
  const first = stateOf(startI, startJ, 0);
  cost[first] = 0;
  queue.push(first, estimate(startI, startJ));
  let reached = -1;
  while (queue.size > 0) {
    const state = queue.pop();
    const direction = state % 4;
    const j = Math.floor(state / 4) % rows;
    const i = Math.floor(state / 4 / rows);
    if (i === endI && j === endJ) {
      reached = state;
      // Arriving other than eastwards costs the turn into the input; only stop once that is paid.
      if (direction === 0) break;
      const turned = stateOf(i, j, 0);
      if ((cost[turned] ?? Infinity) > (cost[state] ?? 0) + turnCost) {
        cost[turned] = (cost[state] ?? 0) + turnCost;
        from[turned] = state;
        queue.push(turned, cost[turned] ?? 0);
      }
      continue;
    }
    for (let next = 0; next < 4; next++) {
      const [di, dj] = steps[next] ?? [0, 0];
      const ni = i + di;
      const nj = j + dj;
      if (ni < 0 || nj < 0 || ni >= columns || nj >= rows || !open(i, j, next)) continue;
      // Never straight back the way it came.
      if ((direction ^ 1) === next) continue;
      const length = Math.abs((xs[ni] ?? 0) - (xs[i] ?? 0)) + Math.abs((ys[nj] ?? 0) - (ys[j] ?? 0));
      const total = (cost[state] ?? 0) + length + (next === direction ? 0 : turnCost);
      const target = stateOf(ni, nj, next);
      if (total < (cost[target] ?? Infinity)) {
        cost[target] = total;
        from[target] = state;
        queue.push(target, total + estimate(ni, nj));
      }
    }
  }
  if (reached < 0) return null;
  const path: Point[] = [];
  for (let state = reached; state >= 0; state = from[state] ?? -1) {
    const j = Math.floor(state / 4) % rows;
    const i = Math.floor(state / 4 / rows);
    path.push({ x: xs[i] ?? 0, y: ys[j] ?? 0 });
  }
  return path.reverse();
}

/** The steps an edge joins: its line starts and ends on their borders, so only the others are kept clear of. */
export interface EdgeEnds {
  readonly source: string;
  readonly target: string;
}

/** How far the usual shape runs straight out before its turn, at the least. */
const shortestRun = 8;

/**
 * The line of an edge from an output at `from` (on a step's right side) to an input at `to` (on
 * a step's left side), as points joined by horizontal and vertical runs, avoiding `boxes`.
 * `search: false` takes the usual shape whatever is in the way (while steps are being dragged,
 * when every frame counts; the line is routed again once they are let go).
 */
export function routeEdge(from: Point, to: Point, boxes: readonly Box[], ends: EdgeEnds, options: { search?: boolean } = {}): Point[] {
  const middle = Math.round((from.x + to.x) / 2);
  // The usual shape: out, across at the midpoint, in.
  const simple = simplify([from, { x: middle, y: from.y }, { x: middle, y: to.y }, to]);
  if (boxes.length > maxRoutedSteps || options.search === false) return simple;
  if (to.x - from.x >= 2 * shortestRun) {
    const others = obstaclesFor(
      boxes.filter((box) => box.id !== ends.source && box.id !== ends.target),
      [from, to],
    );
    const clear = simple.every((point, index) => index === 0 || others.every((r) => !segmentCrosses(simple[index - 1] ?? point, point, r)));
    if (clear) return simple;
  }
  const out: Point = { x: from.x + stub, y: from.y };
  const into: Point = { x: to.x - stub, y: to.y };
  const found = search(out, into, obstaclesFor(boxes, [out, into]));
  return found === null ? simple : simplify([from, ...found, to]);
}

/** An SVG path along `points` with the corners rounded (at most `radius`, less where runs are short). */
export function roundedPath(points: readonly Point[], radius = 8): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let d = `M ${first.x} ${first.y}`;
  rest.forEach((point, index) => {
    const before = points[index] ?? first;
    const after = rest[index + 1];
    if (after === undefined) {
      d += ` L ${point.x} ${point.y}`;
      return;
    }
    const r = Math.min(radius, Math.hypot(point.x - before.x, point.y - before.y) / 2, Math.hypot(after.x - point.x, after.y - point.y) / 2);
    const inX = point.x - Math.sign(point.x - before.x) * r;
    const inY = point.y - Math.sign(point.y - before.y) * r;
    const outX = point.x + Math.sign(after.x - point.x) * r;
    const outY = point.y + Math.sign(after.y - point.y) * r;
    d += ` L ${inX} ${inY} Q ${point.x} ${point.y} ${outX} ${outY}`;
  });
  return d;
}

/** The point halfway along the line, where its label goes. */
export function midpointOf(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((point, index) => Math.abs(point.x - (points[index]?.x ?? 0)) + Math.abs(point.y - (points[index]?.y ?? 0)));
  let left = lengths.reduce((sum, length) => sum + length, 0) / 2;
  for (const [index, length] of lengths.entries()) {
    const a = points[index];
    const b = points[index + 1];
    if (a === undefined || b === undefined) break;
    if (left <= length) {
      const t = length === 0 ? 0 : left / length;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}
