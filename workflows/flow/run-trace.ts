import { z } from 'zod';

/**
 * What a run's path says about the graph: which edges it took and how long it spent in each step.
 * Pure, so the API (for traces and heat) and the designer (for overlays) derive it the same way.
 */

/**
 * One step of a run's path as the interpreter records it: `at` when the step started, `endedAt`
 * when it finished (absent on paths recorded before it was kept, and on notes), `port` the output
 * it left through — several joined by commas when a parallel split leaves through many.
 */
export const runPathStepSchema = z.object({
  nodeId: z.string(),
  kind: z.string(),
  /** When the step started. */
  at: z.string(),
  /** When the step finished (absent on notes made while it ran). */
  endedAt: z.string().optional(),
  /** The output(s) the step left through, comma-separated, when it has finished. */
  port: z.string().optional(),
  note: z.string().optional(),
});
export type RunPathStep = z.infer<typeof runPathStepSchema>;
export const runPathSchema = z.array(runPathStepSchema);

/** The part of an edge this needs; a saved flow's edges fit. */
export interface TraceEdge {
  readonly id: string;
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
}

const portsOf = (step: RunPathStep): string[] => (step.port === undefined || step.port === '' ? [] : step.port.split(','));

/**
 * The edges a run took, in the order it took them (each once). An edge is taken when a step
 * leaves its source through its port and the path then reaches its target: a later step there,
 * or the target is where the run is now (a step is recorded when it finishes, so a step still
 * waiting is not in the path yet). A parallel join reached by several branches takes each one.
 */
export function edgesTaken(path: readonly RunPathStep[], edges: readonly TraceEdge[], currentNodes: readonly string[] = []): string[] {
  const taken: string[] = [];
  const seen = new Set<string>();
  const current = new Set(currentNodes);
  path.forEach((step, index) => {
    const ports = portsOf(step);
    if (ports.length === 0) return;
    for (const edge of edges) {
      if (seen.has(edge.id) || edge.source !== step.nodeId || !ports.includes(edge.sourcePort)) continue;
      const reached = current.has(edge.target) || path.some((later, j) => j > index && later.nodeId === edge.target);
      if (!reached) continue;
      seen.add(edge.id);
      taken.push(edge.id);
    }
  });
  return taken;
}

/** How long a step took, in milliseconds; null when its end was not recorded. */
export function stepDurationMs(step: RunPathStep): number | null {
  if (step.endedAt === undefined) return null;
  const ms = Date.parse(step.endedAt) - Date.parse(step.at);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface RunHeat {
  /** How many runs took each edge (edges no run took are absent). */
  readonly edgeRuns: Record<string, number>;
  /** Per node: in how many runs it was visited, and the median time spent in it (null: no end recorded). */
  readonly nodes: Record<string, { readonly runs: number; readonly medianMs: number | null; readonly timedSteps: number }>;
  readonly runs: number;
}

/** Over many runs of one version: how many took each edge, and the median time spent in each step. */
export function runHeat(paths: readonly (readonly RunPathStep[])[], edges: readonly TraceEdge[]): RunHeat {
  const edgeRuns: Record<string, number> = {};
  const durations = new Map<string, number[]>();
  const visitedRuns = new Map<string, number>();
  for (const path of paths) {
    for (const id of edgesTaken(path, edges)) edgeRuns[id] = (edgeRuns[id] ?? 0) + 1;
    for (const nodeId of new Set(path.map((step) => step.nodeId))) visitedRuns.set(nodeId, (visitedRuns.get(nodeId) ?? 0) + 1);
    for (const step of path) {
      const ms = stepDurationMs(step);
      if (ms === null) continue;
      durations.set(step.nodeId, [...(durations.get(step.nodeId) ?? []), ms]);
    }
  }
  const nodes: Record<string, { runs: number; medianMs: number | null; timedSteps: number }> = {};
  for (const [nodeId, runs] of visitedRuns) {
    const times = durations.get(nodeId) ?? [];
    nodes[nodeId] = { runs, medianMs: median(times), timedSteps: times.length };
  }
  return { edgeRuns, nodes, runs: paths.length };
}

/** "1 h 5 min", "3 d 2 h", "12 s": a duration as people read it, two units at most. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const units = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ] as const;
  const index = units.findIndex(([size]) => seconds >= size);
  const [size, label] = units[index]!;
  const amount = Math.floor(seconds / size);
  const next = units[index + 1];
  const rest = next === undefined ? 0 : Math.floor((seconds - amount * size) / next[0]);
  return next === undefined || rest === 0 ? `${amount} ${label}` : `${amount} ${label} ${rest} ${next[1]}`;
}
