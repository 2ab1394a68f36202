import { z } from '@hono/zod-openapi';
import { Uuid } from './common';

export const AckBody = z
  .strictObject({ userId: Uuid.openapi({ description: 'Who acknowledges; must be the escalation recipient' }) })
  .openapi('AcknowledgeEscalation');
