import { z } from 'zod';
import { flowNodeSchema } from './catalog';
import { nodeIdSchema, nodeLabelSchema, positionSchema } from './node-envelope';

export const flowSchemaVersion = 1;
/** Bounds that keep validation and the canvas fast; far above any flow people draw by hand. */
export const maxFlowNodes = 1000;
export const maxFlowEdges = 4000;

export const portIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'A port id is lower-case letters, digits and "_".' });

export const flowEdgeSchema = z.strictObject({
  id: nodeIdSchema,
  source: nodeIdSchema,
  sourcePort: portIdSchema,
  target: nodeIdSchema,
  targetPort: portIdSchema,
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

const documentShape = {
  schemaVersion: z.literal(flowSchemaVersion),
  name: z.string().min(1).max(120).meta({ title: 'Flow name' }),
  edges: z.array(flowEdgeSchema).max(maxFlowEdges),
};

/** A flow whose every node config is valid for its kind: what the interpreter runs. */
export const flowDocumentSchema = z.strictObject({
  ...documentShape,
  nodes: z.array(flowNodeSchema).max(maxFlowNodes),
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;

/**
 * The same document with node kinds and configs not yet checked: what the designer saves while
 * someone is still drawing, and what validation starts from so it can report each node's problems
 * on that node instead of one error for the whole document.
 */
export const flowDraftNodeSchema = z.strictObject({
  id: nodeIdSchema,
  kind: z.string(),
  label: nodeLabelSchema.optional(),
  config: z.unknown(),
  position: positionSchema,
});
export type FlowDraftNode = z.infer<typeof flowDraftNodeSchema>;

export const flowDraftSchema = z.strictObject({
  ...documentShape,
  nodes: z.array(flowDraftNodeSchema).max(maxFlowNodes),
});
export type FlowDraft = z.infer<typeof flowDraftSchema>;

/**
 * The draft schema with other bounds, for measuring how validation grows past the product's own
 * bounds (the benchmarks); everything else uses `flowDraftSchema`.
 */
export function flowDraftSchemaWithin(limits: { nodes: number; edges: number }) {
  return flowDraftSchema.extend({ nodes: z.array(flowDraftNodeSchema).max(limits.nodes), edges: z.array(flowEdgeSchema).max(limits.edges) });
}
