import { z } from '@hono/zod-openapi';

/** Nothing to say: the person acknowledging is whoever sends it (the escalation's recipient). */
export const AckBody = z.strictObject({}).openapi('AcknowledgeEscalation');
