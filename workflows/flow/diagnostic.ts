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

/** A value a diagnostic's sentence names: text, a number, or a list read as "a, b or c". */
const valueSchema = z.union([z.string(), z.number(), z.array(z.string())]);

/**
 * An argument of a diagnostic's sentence: a value, or a phrase of the `flowDiagnostics` catalog
 * (workflows/i18n) with values of its own, so that it too is read in the reader's language.
 */
export const diagnosticArgSchema = z.union([valueSchema, z.strictObject({ phrase: z.string(), params: z.record(z.string(), valueSchema).optional() })]);
export type DiagnosticArg = z.infer<typeof diagnosticArgSchema>;
export type DiagnosticPhrase = Extract<DiagnosticArg, { phrase: string }>;

/**
 * One problem with a flow, worded for the person drawing it, pinned to a node or edge when it has
 * one. `code` says what kind of problem it is (stable, for programs); `wording` (the catalog's
 * sentence, `code` when absent) and `params` let any reader render it in their own language;
 * `message` is that sentence in the language the answer was written in (English by default).
 */
export const diagnosticSchema = z.strictObject({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Dotted config path, so the designer can highlight the form field. */
  field: z.string().optional(),
  code: z.enum(diagnosticCodes),
  wording: z.string().optional(),
  params: z.record(z.string(), diagnosticArgSchema).optional(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;
