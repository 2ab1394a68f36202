import { z } from '@hono/zod-openapi';
import { QueryInteger, Timestamp, Uuid } from './common';

export const AuditQuery = z
  .strictObject({
    projectId: Uuid.optional().openapi({ description: "Only this project's changes; required unless you are an admin" }),
    userId: Uuid.optional().openapi({ description: 'Only changes made by this person' }),
    from: Timestamp.optional().openapi({ description: 'Only changes at or after this time' }),
    to: Timestamp.optional().openapi({ description: 'Only changes before this time' }),
    before: QueryInteger(1).optional().openapi({ description: 'Page on: the `nextBefore` of the previous page' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'must be after from' });

export const AuditEvent = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.object({
      kind: z.enum(['user', 'token', 'workflow', 'system']),
      userId: z.string().nullable(),
      name: z.string().nullable(),
      detail: z.string().nullable().openapi({ description: 'Token id, workflow id, or `link:<id>` for an e-mail decision link' }),
    }),
    action: z.enum(['insert', 'update', 'delete']),
    entity: z.string().openapi({ description: 'What changed: the table, e.g. tasks, approval_requests, escalations' }),
    entityId: z.string(),
    projectId: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEvent');

export const AuditPage = z.object({ events: z.array(AuditEvent), nextBefore: z.number().nullable() }).openapi('AuditPage');

export type AuditEvent = z.infer<typeof AuditEvent>;
export type AuditPage = z.infer<typeof AuditPage>;
