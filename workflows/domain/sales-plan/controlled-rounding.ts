import { compareRatios, floorRatio, ratio, subtractRatios, type Ratio } from '../ratio';

/**
 * Rounds a matrix of exact quotas to integers, each cell its quota rounded down or up, so that
 * every row sums to `rowTotals` and every column to `columnTotals` (Bacharach, 1966: such a
 * rounding exists whenever the totals are the rows' and columns' quotas rounded either way). The
 * units left after rounding every cell down are placed by a maximum flow from rows to columns
 * through cells with a fraction; among equal choices, larger fractions and earlier cells first.
 */
export function roundMatrix(quotas: readonly (readonly Ratio[])[], rowTotals: readonly bigint[], columnTotals: readonly bigint[]): bigint[][] {
  const cells = quotas.map((row) => row.map(floorRatio));
  const rowNeed = rowTotals.map((total, i) => Number(total - sum(cells[i] ?? [])));
  const columnNeed = columnTotals.map((total, j) => Number(total - sum(cells.map((row) => row[j] ?? 0n))));
  if ([...rowNeed, ...columnNeed].some((need) => need < 0) || sumNumbers(rowNeed) !== sumNumbers(columnNeed)) {
    throw new RangeError('roundMatrix: the totals cannot be reached by rounding the quotas');
  }
  // Cells that may take one more unit, by their fraction, largest first (so the flow prefers them).
  const candidates = quotas
    .flatMap((row, i) => row.map((quota, j) => ({ i, j, fraction: subtractRatios(quota, ratio(cells[i]![j]!)) })))
    .filter((cell) => cell.fraction.num !== 0n)
    .sort((a, b) => compareRatios(b.fraction, a.fraction) || a.i - b.i || a.j - b.j);
  const taken = new Set<number>();
  const key = (i: number, j: number) => i * columnTotals.length + j;

  // Augmenting paths: row (with need) → column through an untaken cell → … → column (with need).
  for (;;) {
    const path = augmentingPath(rowNeed, columnNeed, candidates, taken, key);
    if (path === null) break;
    for (const step of path) {
      if (step.add) taken.add(key(step.i, step.j));
      else taken.delete(key(step.i, step.j));
    }
    rowNeed[path[0]!.i]!--;
    columnNeed[path.at(-1)!.j]!--;
  }
  if (rowNeed.some((need) => need !== 0)) throw new RangeError('roundMatrix: no rounding reaches the totals');
  for (const cell of candidates) if (taken.has(key(cell.i, cell.j))) cells[cell.i]![cell.j]! += 1n;
  return cells;
}

interface Step {
  i: number;
  j: number;
  /** True: the cell takes a unit; false: a unit taken earlier moves away from it. */
  add: boolean;
}

/** A breadth-first path in the residual graph, or null when no row with need can reach a column with need. */
function augmentingPath(rowNeed: number[], columnNeed: number[], candidates: { i: number; j: number }[], taken: Set<number>, key: (i: number, j: number) => number): Step[] | null {
  const cameFrom = new Map<string, { from: string | null; step: Step | null }>();
  const queue: string[] = [];
  rowNeed.forEach((need, i) => {
    if (need > 0) {
      cameFrom.set(`r${i}`, { from: null, step: null });
      queue.push(`r${i}`);
    }
  });
  while (queue.length > 0) {
    const node = queue.shift()!;
    const index = Number(node.slice(1));
    if (node.startsWith('c') && columnNeed[index]! > 0) return pathTo(node, cameFrom);
    const next = node.startsWith('r')
      ? candidates.filter((c) => c.i === index && !taken.has(key(c.i, c.j))).map((c) => ({ node: `c${c.j}`, step: { i: c.i, j: c.j, add: true } }))
      : candidates.filter((c) => c.j === index && taken.has(key(c.i, c.j))).map((c) => ({ node: `r${c.i}`, step: { i: c.i, j: c.j, add: false } }));
    for (const { node: to, step } of next) {
      if (cameFrom.has(to)) continue;
      cameFrom.set(to, { from: node, step });
      queue.push(to);
    }
  }
  return null;
}

function pathTo(end: string, cameFrom: Map<string, { from: string | null; step: Step | null }>): Step[] {
  const steps: Step[] = [];
  for (let at: string | null = end; at !== null; ) {
    const entry: { from: string | null; step: Step | null } = cameFrom.get(at)!;
    if (entry.step) steps.unshift(entry.step);
    at = entry.from;
  }
  return steps;
}

const sum = (values: readonly bigint[]) => values.reduce((total, value) => total + value, 0n);
const sumNumbers = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
