import { z } from '@hono/zod-openapi';
import { accessRoles, inboxItemKinds } from '../../db/schema';
import { Uuid } from './common';

/** Long enough to resist guessing (NIST 800-63B asks for at least 8); bounded so hashing stays cheap. */
export const Password = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');

export const NewUserBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: z.email({ message: 'must be an e-mail address' }).max(320),
    managerId: Uuid.nullable().optional(),
    role: z.enum(accessRoles).default('member').openapi({ description: 'What the person may do; see the README on roles' }),
    password: Password.optional().openapi({ description: 'Initial password; without one the person cannot sign in until an admin sets it' }),
  })
  .openapi('NewUser');

export const User = z
  .object({ id: z.string(), name: z.string(), email: z.string(), managerId: z.string().nullable(), role: z.enum(accessRoles) })
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
