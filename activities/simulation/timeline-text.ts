import { DateTime } from 'luxon';
import { nodeDef } from '../../workflows/flow/catalog';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import type { SimulatedEffect, TimelineEntry } from '../../workflows/flow/simulation';
import type { PathStep } from '../../workflows/interpreter/flow-run-messages';

/** What a test run heard, in the order it happened: effects, finished steps and notes. */
export type JournalEntry =
  | { at: number; nodeId: string; effect: SimulatedEffect }
  | { at: number; nodeId: string; step: PathStep }
  | { at: number; nodeId: string; note: string };

const channelNames: Record<string, string> = { inbox: 'inbox message', email: 'e-mail', webhook: 'chat webhook message' };

function effectText(effect: SimulatedEffect, time: (iso: string) => string): string {
  switch (effect.kind) {
    case 'message':
      return `${channelNames[effect.channel] ?? effect.channel} to ${effect.to.name}: “${effect.subject}”`;
    case 'request':
      return `${effect.to.name} asked to ${effect.requestKind === 'approval' ? 'approve or reject' : 'acknowledge'}, due ${time(effect.dueAt)}`;
    case 'decision':
      return `${effect.by.name} ${effect.answer}${effect.comment ? `: “${effect.comment}”` : ''}`;
    case 'timeout':
      return `${effect.to.name} did not answer in time`;
    case 'escalation':
      return effect.to ? `escalated to level ${effect.level}: ${effect.to.name}` : `nobody is above level ${effect.level - 1}: the top is reached`;
    case 'status':
      return `the project would be marked ${effect.status.replace('_', ' ')}${effect.reason ? ` (${effect.reason})` : ''}`;
    case 'task':
      return `task “${effect.title}” would go to ${effect.assignee?.name ?? 'nobody'}, due ${time(effect.dueAt)}`;
    case 'webhook':
      return `would call ${effect.method} ${effect.url}`;
    case 'retrospective':
      return 'the closing review would start';
    case 'wait':
      return `waits until ${time(effect.until)}`;
  }
}

/**
 * Turns a test run's journal into sentences for people ("Tue 8 Dec 09:00 — Dan Director asked to
 * acknowledge, due Thu 10 Dec 09:00"), in the project calendar's time zone, and lists the edges taken.
 */
export function describeTimeline(journal: readonly JournalEntry[], doc: FlowDocument, timeZone: string): { timeline: TimelineEntry[]; edgesTaken: string[] } {
  const nodes = new Map(doc.nodes.map((node) => [node.id, node]));
  const format = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toFormat('ccc d LLL HH:mm');
  const time = (iso: string) => format(Date.parse(iso));
  const timeline: TimelineEntry[] = [];
  const edgesTaken: string[] = [];

  for (const entry of journal) {
    const node = nodes.get(entry.nodeId);
    const kind = node?.kind ?? 'unknown';
    const name = node ? `${nodeDef(node.kind).label} “${node.label ?? node.id}”` : entry.nodeId;
    const stamp = format(entry.at);
    if ('effect' in entry) {
      timeline.push({ at: new Date(entry.at).toISOString(), nodeId: entry.nodeId, kind, text: `${stamp} — ${effectText(entry.effect, time)}`, effect: entry.effect });
    } else if ('note' in entry) {
      timeline.push({ at: new Date(entry.at).toISOString(), nodeId: entry.nodeId, kind, text: `${stamp} — ${entry.note}` });
    } else if (entry.step.endedAt === undefined) {
      // A note a step made while it ran.
      if (entry.step.note) timeline.push({ at: new Date(entry.at).toISOString(), nodeId: entry.nodeId, kind, text: `${stamp} — ${name}: ${entry.step.note}` });
    } else {
      const ports = entry.step.port === undefined ? [] : entry.step.port.split(',');
      const outputs = node ? nodeDef(node.kind).outputs(node.config) : [];
      const portNames = ports.map((port) => outputs.find((output) => output.id === port)?.label ?? port).join(', ');
      const waited = kind === 'delay' ? `, after waiting since ${time(entry.step.at)}` : '';
      const text = kind === 'end' ? `${stamp} — ${name}: the flow ends here` : `${stamp} — ${name} → ${portNames}${waited}`;
      timeline.push({ at: new Date(entry.at).toISOString(), nodeId: entry.nodeId, kind, ...(entry.step.port === undefined ? {} : { port: entry.step.port }), text });
      for (const edge of doc.edges) if (edge.source === entry.nodeId && ports.includes(edge.sourcePort)) edgesTaken.push(edge.id);
    }
  }
  return { timeline, edgesTaken };
}
