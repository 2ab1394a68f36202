import { z } from 'zod';

export const diagnosticCodes = [
  'invalid_document',
  'unknown_node_kind',
  'invalid_config',
  'missing_timeout',
  'duplicate_node_id',
  'duplicate_edge_id',
  'no_trigger',
  'multiple_triggers',
  'trigger_not_raisable',
  'unreachable_node',
  'edge_unknown_node',
  'edge_unknown_port',
  'output_already_connected',
  'dangling_output',
  'tight_loop',
  'join_without_split',
  'unknown_variable',
  'variable_not_yet_set',
  'invalid_template',
  'needs_fallback',
  'unreadable_text',
] as const;
export type DiagnosticCode = (typeof diagnosticCodes)[number];

/** One problem with a flow, worded for the person drawing it, pinned to a node or edge when it has one. */
export const diagnosticSchema = z.strictObject({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Dotted config path, so the designer can highlight the form field. */
  field: z.string().optional(),
  code: z.enum(diagnosticCodes),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;
