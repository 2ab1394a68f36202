import type { TFunction } from 'i18next';
import { i18next } from '../../i18n/i18n';
import { edgesTaken, formatDuration, type RunPathStep, type TraceEdge } from '../../../../workflows/flow/run-trace';
import type { TimelineEntry } from '../../../../workflows/flow/simulation';
import type { EdgeOverlay, NodeOverlay, Overlay } from './overlay-store';
import type { FlowHeat, FlowRunTrace } from '../../../../api/contract/flow-runs';

/** "Thu 09:00": a moment as a person reads it on the graph, in their own time zone. */
export type MomentFormat = (iso: string) => string;

/** An output's name as its step shows it ("Approved"), from the step and the port's id. */
export type PortLabel = (nodeId: string, portId: string) => string;
const portIds: PortLabel = (_nodeId, portId) => portId;

const weekdayTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
export const localMoment: MomentFormat = (iso) => weekdayTime.format(new Date(iso));

/** The runs' words in the page's language, read when asked (the language may change). */
export const runsT = (): TFunction<'flowRuns'> => i18next.getFixedT(null, 'flowRuns');

const decisionStatuses = ['pending', 'approved', 'rejected', 'acknowledged', 'timed_out', 'delegated', 'cancelled'] as const;
const isDecisionStatus = (status: string): status is (typeof decisionStatuses)[number] => (decisionStatuses as readonly string[]).includes(status);

type Decision = FlowRunTrace['decisions'][number];

/** "Dan Director approved Thu 09:10: “Good plan”", and why it was theirs when they stood in for someone absent. */
export function decisionLine(decision: Decision, moment: MomentFormat, t: TFunction<'flowRuns'> = runsT()): string {
  const word = isDecisionStatus(decision.status) ? t(`decision.words.${decision.status}`) : decision.status;
  const who = decision.decidedBy !== null && decision.decidedBy.id !== decision.asked.id ? t('decision.forSomeone', { name: decision.decidedBy.name, asked: decision.asked.name }) : decision.asked.name;
  const line = decision.decidedAt !== null && decision.status !== 'pending' ? t('decision.lineAt', { who, word, at: moment(decision.decidedAt) }) : t('decision.line', { who, word });
  const comment = decision.comment ? t('decision.comment', { comment: decision.comment }) : '';
  // The note is the server's own sentence about why this person was asked.
  const assigned = decision.assignmentNote ? ` — ${decision.assignmentNote}` : '';
  return `${line}${comment}${assigned}`;
}

function stepLine(step: FlowRunTrace['path'][number], moment: MomentFormat, portLabel: PortLabel): string {
  if (step.note !== null) return step.note;
  const span = step.endedAt === null || step.endedAt === step.at ? moment(step.at) : `${moment(step.at)} → ${moment(step.endedAt)}`;
  const took = step.durationMs !== null && step.durationMs >= 1000 ? ` · ${formatDuration(step.durationMs)}` : '';
  const left = step.port === null ? '' : ` · ${step.port.split(',').map((port) => portLabel(step.nodeId, port)).join(', ')}`;
  return `${span}${took}${left}`;
}

/** One run on its version's graph: where it went, when, who decided what, and where it waits now. */
export function traceOverlay(trace: FlowRunTrace, moment: MomentFormat = localMoment, portLabel: PortLabel = portIds, t: TFunction<'flowRuns'> = runsT()): Overlay {
  const nodes: Record<string, { tone: NodeOverlay['tone']; lines: string[]; waiting?: string }> = {};
  const entry = (nodeId: string) => (nodes[nodeId] ??= { tone: 'visited', lines: [] });
  for (const step of trace.path) entry(step.nodeId).lines.push(stepLine(step, moment, portLabel));
  for (const decision of trace.decisions) entry(decision.nodeId).lines.push(decisionLine(decision, moment, t));
  for (const nodeId of trace.currentNodes) {
    const here = entry(nodeId);
    here.tone = 'current';
    const waits = trace.waitingFor.filter((w) => w.nodeId === nodeId);
    if (waits.length > 0) {
      const until = waits.map((w) => w.until).sort()[0]!;
      here.waiting = t('trace.waiting', { names: waits.map((w) => w.person.name).join(', '), until: moment(until) });
    }
  }
  const edges: Record<string, EdgeOverlay> = {};
  for (const id of trace.edgesTaken) edges[id] = { taken: true };
  return { nodes, edges };
}

/** Many runs of a version at once: how many took each edge, how long steps held them. */
export function heatOverlay(heat: FlowHeat, t: TFunction<'flowRuns'> = runsT()): Overlay {
  const most = Math.max(1, ...heat.edges.map((e) => e.runs));
  const edges: Record<string, EdgeOverlay> = {};
  for (const edge of heat.edges) {
    edges[edge.edgeId] = {
      taken: edge.runs > 0,
      label: t('heat.runs', { count: edge.runs }),
      width: edge.runs === 0 ? 1 : 1.5 + (6.5 * edge.runs) / most,
    };
  }
  const nodes: Record<string, NodeOverlay> = {};
  for (const node of heat.nodes) {
    const runs = t('heat.runs', { count: node.runs });
    // Steps that pass at once (a trigger, an end) have no time worth showing.
    nodes[node.nodeId] = { tone: 'visited', lines: [], badge: node.medianMs === null || node.medianMs < 1000 ? runs : t('heat.median', { duration: formatDuration(node.medianMs), runs }) };
  }
  return { nodes, edges };
}

/** The timeline as a path, so the same rule as for real runs says which edges were taken. */
const asPath = (entries: readonly TimelineEntry[]): RunPathStep[] =>
  entries.map((entry) => ({ nodeId: entry.nodeId, kind: entry.kind, at: entry.at, ...(entry.port === undefined ? {} : { port: entry.port }) }));

/**
 * A test run played up to entry `index`: the steps passed so far, the current entry's step
 * highlighted with its sentence, and the edges taken so far lit (the newest one marked).
 */
export function playbackOverlay(timeline: readonly TimelineEntry[], index: number, graphEdges: readonly TraceEdge[]): Overlay {
  const upTo = timeline.slice(0, index + 1);
  const current = upTo.at(-1);
  const nodes: Record<string, { tone: NodeOverlay['tone']; lines: string[] }> = {};
  for (const entry of upTo) {
    const node = (nodes[entry.nodeId] ??= { tone: 'visited', lines: [] });
    node.tone = 'visited';
    node.lines = [...node.lines.slice(-2), entry.text];
  }
  if (current !== undefined) nodes[current.nodeId]!.tone = 'current';
  const taken = edgesTaken(asPath(upTo), graphEdges, current === undefined ? [] : [current.nodeId]);
  const edges: Record<string, EdgeOverlay> = {};
  taken.forEach((id, i) => {
    edges[id] = { taken: true, latest: i === taken.length - 1 && graphEdges.find((e) => e.id === id)?.target === current?.nodeId };
  });
  return { nodes, edges };
}
