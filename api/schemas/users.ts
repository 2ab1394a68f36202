import { z } from '@hono/zod-openapi';
import { inboxItemKinds } from '../../db/schema';
import { Uuid } from './common';

export const NewUserBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: z.email({ message: 'must be an e-mail address' }).max(320),
    managerId: Uuid.nullable().optional(),
  })
  .openapi('NewUser');

export const User = z
  .object({ id: z.string(), name: z.string(), email: z.string(), managerId: z.string().nullable() })
  .openapi('User');

export const InboxItem = z
  .object({
    id: z.string(),
    kind: z.enum(inboxItemKinds),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('InboxItem');

export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().openapi({ description: 'Only unread items when true' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
