import { z } from '@hono/zod-openapi';
import { approvalRequestKinds, approvalRequestStatuses, flowRunStatuses } from '../../workflows/domain';
import { triggerEvents } from '../../workflows/flow/trigger-events';
import { Timestamp, Uuid } from './common';

export const FlowRunsQuery = z.strictObject({
  version: z.coerce.number().int().min(1).optional().openapi({ description: 'Only runs of this published version' }),
  projectId: Uuid.optional().openapi({ description: 'Only runs of this project' }),
  status: z.enum(flowRunStatuses).optional(),
  trigger: z.enum(triggerEvents).optional().openapi({ description: 'Only runs started by this event' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: Timestamp.optional().openapi({ description: 'Page on: only runs started before this time (the last `startedAt` of the previous page)' }),
});

export const HeatQuery = z.strictObject({
  last: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: 'How many of the newest finished runs to count' }),
});

/** Something named: a person, a project. */
const Named = z.object({ id: z.string(), name: z.string() });

export const FlowRunSummary = z
  .object({
    id: z.string(),
    flowId: z.string(),
    version: z.number(),
    project: Named.openapi({ description: 'The project: id and name' }),
    triggerEvent: z.string(),
    subjectId: z.string(),
    subjectName: z.string().nullable().openapi({ description: 'The milestone’s name, when the run is about one' }),
    status: z.enum(flowRunStatuses),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi('FlowRunSummary');

export const TraceStep = z
  .object({
    nodeId: z.string(),
    kind: z.string(),
    at: z.string().openapi({ description: 'When the step started' }),
    endedAt: z.string().nullable().openapi({ description: 'When it finished; null when not recorded' }),
    durationMs: z.number().nullable(),
    port: z.string().nullable().openapi({ description: 'The output it left through (several joined by commas)' }),
    note: z.string().nullable(),
  })
  .openapi('FlowRunTraceStep');

export const TraceDecision = z
  .object({
    requestId: z.string(),
    nodeId: z.string(),
    kind: z.enum(approvalRequestKinds),
    status: z.enum(approvalRequestStatuses),
    asked: Named,
    askedAt: z.string(),
    dueAt: z.string(),
    decidedBy: Named.nullable(),
    decidedAt: z.string().nullable(),
    comment: z.string().nullable(),
    onBehalfOf: Named.nullable().openapi({ description: 'Whom `asked` stood in for: the approver was absent when the request arrived' }),
    assignmentNote: z.string().nullable().openapi({ description: 'Why it went to `asked`: “assigned to … on behalf of … (… is absent until …)”' }),
  })
  .openapi('FlowRunTraceDecision');

export const TraceWaiting = z
  .object({ requestId: z.string(), nodeId: z.string(), kind: z.enum(approvalRequestKinds), person: Named, until: z.string() })
  .openapi('FlowRunTraceWaiting');

export const FlowRunTrace = FlowRunSummary.extend({
  flowVersionId: z.string(),
  pathSource: z.enum(['live', 'stored', 'none']).openapi({ description: 'live: asked the running workflow; stored: kept when the run finished; none: neither is available' }),
  unavailable: z.string().nullable().openapi({ description: 'Why the live state could not be read, when it could not' }),
  result: z.string().nullable(),
  path: z.array(TraceStep),
  edgesTaken: z.array(z.string()).openapi({ description: 'Edge ids of the version’s document, in the order they were taken' }),
  currentNodes: z.array(z.string()),
  waitingFor: z.array(TraceWaiting),
  decisions: z.array(TraceDecision),
}).openapi('FlowRunTrace');

export const FlowHeat = z
  .object({
    flowId: z.string(),
    version: z.number(),
    last: z.number(),
    runs: z.number().openapi({ description: 'How many finished runs were counted (at most `last`)' }),
    edges: z.array(z.object({ edgeId: z.string(), runs: z.number() })),
    nodes: z.array(z.object({ nodeId: z.string(), runs: z.number(), medianMs: z.number().nullable(), timedSteps: z.number() })),
  })
  .openapi('FlowHeat');

export const RunningByVersion = z
  .object({
    version: z.number(),
    running: z.number().openapi({ description: 'How many of its runs are still running; they finish on this version whatever is published after it' }),
  })
  .openapi('RunningByVersion');

export type FlowRunSummary = z.infer<typeof FlowRunSummary>;
export type RunningByVersion = z.infer<typeof RunningByVersion>;
export type FlowRunTrace = z.infer<typeof FlowRunTrace>;
export type FlowHeat = z.infer<typeof FlowHeat>;
