import { z } from 'zod';

/** What every node in a saved flow has around its kind-specific config. */

export const nodeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'An id is 1 to 100 letters, digits, ".", ":", "-" or "_".' });

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof positionSchema>;

/** The step's own name on the canvas ("Level 1 acknowledgement"); the kind's label when absent. */
export const nodeLabelSchema = z.string().min(1).max(80);

export function nodeEnvelopeSchema<const K extends string, S extends z.ZodType>(kind: K, config: S) {
  return z.strictObject({
    id: nodeIdSchema,
    kind: z.literal(kind),
    label: nodeLabelSchema.optional(),
    config,
    position: positionSchema,
  });
}
export type NodeEnvelopeSchema<K extends string, S extends z.ZodType> = ReturnType<typeof nodeEnvelopeSchema<K, S>>;
