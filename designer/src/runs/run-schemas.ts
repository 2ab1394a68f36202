import { z } from 'zod';

/**
 * The API's answers about runs, as the page reads them (loose: fields the API adds later do not
 * break the page). The API's own schemas live in api/schemas/flow-runs.ts; the designer may not
 * import api/, so these name only what the page uses.
 */
const personRef = z.object({ id: z.string(), name: z.string() });

export const runStatuses = ['running', 'completed', 'failed', 'cancelled'] as const;

export const flowRunSummarySchema = z.object({
  id: z.string(),
  flowId: z.string(),
  version: z.number(),
  project: personRef,
  triggerEvent: z.string(),
  subjectId: z.string(),
  subjectName: z.string().nullable(),
  status: z.enum(runStatuses),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type FlowRunSummary = z.infer<typeof flowRunSummarySchema>;

export const flowRunTraceSchema = flowRunSummarySchema.extend({
  pathSource: z.enum(['live', 'stored', 'none']),
  unavailable: z.string().nullable(),
  result: z.string().nullable(),
  path: z.array(
    z.object({
      nodeId: z.string(),
      kind: z.string(),
      at: z.string(),
      endedAt: z.string().nullable(),
      durationMs: z.number().nullable(),
      port: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  edgesTaken: z.array(z.string()),
  currentNodes: z.array(z.string()),
  waitingFor: z.array(z.object({ requestId: z.string(), nodeId: z.string(), kind: z.string(), person: personRef, until: z.string() })),
  decisions: z.array(
    z.object({
      requestId: z.string(),
      nodeId: z.string(),
      kind: z.string(),
      status: z.string(),
      asked: personRef,
      askedAt: z.string(),
      dueAt: z.string(),
      decidedBy: personRef.nullable(),
      decidedAt: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export type FlowRunTrace = z.infer<typeof flowRunTraceSchema>;

export const flowHeatSchema = z.object({
  flowId: z.string(),
  version: z.number(),
  last: z.number(),
  runs: z.number(),
  edges: z.array(z.object({ edgeId: z.string(), runs: z.number() })),
  nodes: z.array(z.object({ nodeId: z.string(), runs: z.number(), medianMs: z.number().nullable(), timedSteps: z.number() })),
});
export type FlowHeat = z.infer<typeof flowHeatSchema>;

export const projectOptionSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type ProjectOption = z.infer<typeof projectOptionSchema>['items'][number];
