import { z } from 'zod';
import { diagnosticSchema } from '../../../workflows/flow';

/**
 * The parts of the API's answers the page reads, checked on arrival: a changed API shows up as
 * a clear error here instead of as `undefined` deep inside a component. Loose objects, so fields
 * the API adds later do not break the page.
 */
export const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  triggerEvent: z.string(),
  latestVersion: z.number().nullable(),
  draftUpdatedAt: z.string(),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const flowVersionSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable().optional(),
});
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;

export const flowDetailSchema = flowSummarySchema.extend({
  /** Drafts are shape-checked by the API when saved; the editor parses them itself. */
  draft: z.unknown(),
  diagnostics: z.array(diagnosticSchema),
  versions: z.array(flowVersionSummarySchema),
});
export type FlowDetail = z.infer<typeof flowDetailSchema>;

export const flowVersionSchema = flowVersionSummarySchema.extend({
  flowId: z.string(),
  document: z.unknown(),
});
export type FlowVersion = z.infer<typeof flowVersionSchema>;

/** What a person may do; the API decides, the page only hides what would be refused. */
export const accessRoles = ['admin', 'ops', 'manager', 'member', 'viewer'] as const;
export const accessRoleSchema = z.enum(accessRoles);
export type AccessRole = z.infer<typeof accessRoleSchema>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  managerId: z.string().nullable(),
  role: accessRoleSchema,
});
export type User = z.infer<typeof userSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional(), nodeId: z.string().optional() }))
      .default([]),
  }),
});
