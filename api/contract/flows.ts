import { z } from '@hono/zod-openapi';
import { flowNodeRef } from './flow-nodes';
import { diagnosticSchema } from '../../workflows/flow/diagnostic';
import { readable } from '../../workflows/domain/human-text';
import { flowDraftNodeSchema, flowDraftSchema, maxFlowNodes } from '../../workflows/flow/graph-schema';
import { nodeLabelSchema } from '../../workflows/flow/node-envelope';
import { triggerEventSchema } from '../../workflows/flow/trigger-events';
import { Uuid } from './common';

/**
 * Drafts are checked for shape only (any node kind or config may be half-done while drawing);
 * the full validation runs on publish and import and is reported as diagnostics.
 */
// Schemas from the flow language may be built before @hono/zod-openapi extends zod, so they are
// used as they are (no `.openapi()` on them); schemas built here get names.
// The body is parsed by the draft schema itself; only its description names the node kinds
// (`FlowNode`, from the catalog), so what the API accepts stays what the interpreter accepts.
export const FlowDraftBody = flowDraftSchema.extend({
  name: readable(flowDraftSchema.shape.name),
  nodes: z.array(flowDraftNodeSchema.extend({ label: readable(nodeLabelSchema).optional() })).max(maxFlowNodes).meta({
    type: 'array',
    maxItems: maxFlowNodes,
    items: { $ref: flowNodeRef },
    description:
      'The steps, each of a kind of `FlowNode`. While a flow is being drawn, a draft may also hold a node that is not finished (any `kind`, any `config`): it is saved as it is and its problems are listed in `diagnostics`; publishing and import refuse it.',
  }),
});

/** A draft as it was saved: its nodes may be unfinished, so they are described by shape only. */
export const SavedFlowDraft = flowDraftSchema;

export const NewFlowBody = z.strictObject({ draft: FlowDraftBody }).openapi('NewFlow');
export const SaveDraftBody = z.strictObject({ draft: FlowDraftBody }).openapi('SaveDraft');
/** Nothing to say: the publisher is whoever sends it. */
export const PublishBody = z.strictObject({}).openapi('Publish');
/**
 * A flow document that may not be a flow yet (an exported file, a draft being checked): `draft`,
 * as in `POST /flows` and `PUT /flows/{id}/draft`; read for diagnostics rather than refused whole.
 */
export const ImportBody = z
  .strictObject({
    draft: z
      .unknown()
      .refine((value) => value !== undefined, 'is required')
      .openapi({ description: 'The flow document: name, trigger, nodes and edges, as `GET /api/flows/{id}` shows a draft' }),
  })
  .openapi('ImportFlow');

export const Diagnostic = diagnosticSchema;

export const FlowSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    triggerEvent: z.string(),
    latestVersion: z.number().nullable(),
    draftUpdatedAt: z.string(),
    archivedAt: z.string().nullable().openapi({ description: 'When the flow was archived: out of the list, no new drafts, versions or bindings; null while in use' }),
  })
  .openapi('FlowSummary');

export const FlowListQuery = z.strictObject({
  archived: z.enum(['true', 'false']).optional().openapi({ description: 'The archived flows instead of those in use (true)' }),
});

export const FlowVersionSummary = z
  .object({ id: z.string(), version: z.number(), publishedAt: z.string(), publishedBy: z.string().nullable() })
  .openapi('FlowVersionSummary');

export const FlowDetail = FlowSummary.extend({
  draft: z.unknown(),
  diagnostics: z.array(Diagnostic),
  versions: z.array(FlowVersionSummary),
}).openapi('FlowDetail');

export const FlowVersionDetail = FlowVersionSummary.extend({ flowId: z.string(), document: z.unknown() }).openapi('FlowVersion');

export const WebhookSecret = z
  .object({
    flowId: z.string(),
    header: z.string().openapi({ example: 'X-Milepost-Signature' }),
    secret: z.string().openapi({ description: 'HMAC-SHA256 key (its UTF-8 text) of this flow’s webhook signatures' }),
    scheme: z.string().openapi({ example: 'sha256=<hex HMAC-SHA256 of the exact body bytes>' }),
  })
  .openapi('WebhookSecret');

export const VersionParams = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce.number().int().min(1).openapi({ param: { name: 'version', in: 'path' } }),
});

const bindingFields = {
  triggerEvent: triggerEventSchema,
  projectId: Uuid.nullable(),
  flowId: Uuid,
  version: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .openapi({ description: 'Pins new runs to this published version of the flow; null or absent: always the newest published version' }),
};

export const BindingBody = z.strictObject(bindingFields).openapi('FlowBinding');

// From the same fields, not by extending the closed body: that would be an allOf nothing satisfies.
export const BindingEntry = z.object({
  ...bindingFields,
  nextRuns: z
    .array(z.string())
    .optional()
    .openapi({ description: 'For schedule bindings: the next five times the schedule fires (ISO, UTC), computed in its time zone' }),
  timeZone: z.string().optional().openapi({ description: 'For schedule bindings: the zone the cron expression is read in' }),
}).openapi('FlowBindingEntry');

export const UnbindQuery = z
  .strictObject({
    triggerEvent: triggerEventSchema,
    projectId: Uuid.optional().openapi({ description: "The project's own binding; without it, the binding for all projects" }),
  })
  .openapi('FlowUnbind');

export const ProjectFlowBinding = z
  .object({
    triggerEvent: triggerEventSchema,
    source: z.enum(['project', 'global', 'none']).openapi({
      description: "Why this flow runs: the project's own binding, the binding for all projects, or none (nothing runs on this event for the project)",
    }),
    flowId: Uuid.nullable(),
    flowName: z.string().nullable(),
    version: z.number().int().nullable().openapi({ description: 'The published version new runs use (the pinned one, else the newest)' }),
    pinned: z.boolean().openapi({ description: 'Whether the binding pins that version' }),
    removed: z
      .object({ at: z.string(), by: z.string().nullable(), scope: z.enum(['project', 'global']) })
      .nullable()
      .openapi({ description: "When nothing runs: when the binding that last decided it (the project's own or the one for all projects) was removed, and by whom" }),
    nextRuns: BindingEntry.shape.nextRuns,
    timeZone: BindingEntry.shape.timeZone,
  })
  .openapi('ProjectFlowBinding');

export type FlowSummary = z.infer<typeof FlowSummary>;
export type FlowVersionSummary = z.infer<typeof FlowVersionSummary>;
export type FlowDetail = z.infer<typeof FlowDetail>;
export type FlowVersionDetail = z.infer<typeof FlowVersionDetail>;
