import { z } from 'zod';
import { durationSchema } from './duration';
import { flowResults } from './nodes/end';

/**
 * The contract of a test run ("simulate"): what ops ask for and the timeline they get back. Pure
 * zod, so the API validates with it, the designer types its panel with it and the simulator fills it.
 */

export const simulatedAnswers = ['approve', 'reject', 'acknowledge', 'silent'] as const;
export type SimulatedAnswer = (typeof simulatedAnswers)[number];

/**
 * How a person answers a request in the test run. The first response that matches a request (by
 * step and/or person; neither = any) decides it `after` the request opens; an unmatched request
 * gets no answer, so its step times out as it would in real life.
 */
export const scriptedResponseSchema = z.strictObject({
  nodeId: z.string().min(1).max(64).optional(),
  userId: z.uuid().optional(),
  answer: z.enum(simulatedAnswers),
  after: durationSchema.optional(),
  comment: z.string().max(2000).optional(),
});
export type ScriptedResponse = z.infer<typeof scriptedResponseSchema>;

export const simulationRequestSchema = z.strictObject({
  /** A published version number; none = the current draft. */
  version: z.int().min(1).optional(),
  projectId: z.uuid(),
  /** What the event is about (a milestone id for milestone events); defaults to the project's first fitting subject. */
  subjectId: z.string().min(1).max(200).optional(),
  /** Simulated start; defaults to now. */
  startAt: z.iso.datetime({ offset: true }).optional(),
  responses: z.array(scriptedResponseSchema).max(100).default([]),
  /** Stop the simulated clock after this many calendar days (a flow may wait forever). */
  horizonDays: z.int().min(1).max(366).default(60),
});
export type SimulationRequest = z.input<typeof simulationRequestSchema>;

export const simulatedPersonSchema = z.strictObject({ id: z.string(), name: z.string() });

/** What a step would have done to the world; nothing of it is written or sent. */
export const simulatedEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('message'), channel: z.string(), to: simulatedPersonSchema, subject: z.string(), text: z.string() }),
  z.strictObject({ kind: z.literal('request'), requestKind: z.enum(['approval', 'acknowledgement']), to: simulatedPersonSchema, dueAt: z.string() }),
  z.strictObject({ kind: z.literal('decision'), by: simulatedPersonSchema, answer: z.string(), comment: z.string().optional() }),
  z.strictObject({ kind: z.literal('timeout'), requestKind: z.enum(['approval', 'acknowledgement']), to: simulatedPersonSchema }),
  z.strictObject({ kind: z.literal('escalation'), level: z.int(), to: simulatedPersonSchema.nullable() }),
  z.strictObject({ kind: z.literal('status'), status: z.string(), reason: z.string().nullable() }),
  z.strictObject({ kind: z.literal('task'), title: z.string(), assignee: simulatedPersonSchema.nullable(), dueAt: z.string() }),
  z.strictObject({ kind: z.literal('webhook'), method: z.string(), url: z.string(), body: z.string().optional() }),
  z.strictObject({ kind: z.literal('retrospective') }),
  z.strictObject({ kind: z.literal('wait'), until: z.string() }),
]);
export type SimulatedEffect = z.infer<typeof simulatedEffectSchema>;

/** One thing that happened at one simulated moment, in the order it happened. */
export const timelineEntrySchema = z.strictObject({
  at: z.string(),
  nodeId: z.string(),
  kind: z.string(),
  /** The output the step left through, on the entry that closes the step. */
  port: z.string().optional(),
  /** A sentence for people: "Tue 09:00 — Dan Director asked to acknowledge, due Thu 09:00". */
  text: z.string(),
  effect: simulatedEffectSchema.optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const simulationResultSchema = z.strictObject({
  flowId: z.string(),
  /** The version simulated; null = the draft. */
  version: z.int().nullable(),
  projectId: z.string(),
  event: z.string(),
  subjectId: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** completed: every path ended; waiting: still waiting at the horizon; failed: a step failed. */
  status: z.enum(['completed', 'waiting', 'failed']),
  result: z.enum(flowResults).nullable(),
  error: z.string().nullable(),
  timeline: z.array(timelineEntrySchema),
  /** Edges in the order they were taken, for the designer to light up. */
  edgesTaken: z.array(z.string()),
  /** The calendar the business durations followed, named for the reader. */
  timeZone: z.string(),
});
export type SimulationResult = z.infer<typeof simulationResultSchema>;
