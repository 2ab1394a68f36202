import { z } from '@hono/zod-openapi';
import { accessRoles, inboxItemKinds } from '../../workflows/domain';
import { languages } from '../../workflows/i18n/languages';
import { Uuid, Name } from './common';

/** PostgreSQL text cannot hold U+0000; refused here, it is a 400 rather than a failed insert. */
export const withoutNul = (text: string) => !text.includes('\u0000');
export const noNul = { message: 'must not contain the character U+0000' };

/** Long enough to resist guessing (NIST 800-63B asks for at least 8); bounded so hashing stays cheap. */
/** A language the person reads Milepost in; null: their browser's (web), the instance language (messages sent to them). */
export const LanguageChoice = z
  .enum(languages, { message: `must be one of ${languages.join(', ')}, or null for the browser's` })
  .nullable()
  .openapi({ description: "The language Milepost speaks to the person; null: their browser's in the web app, the instance language (GET /api/settings/language) in what is sent to them" });

export const Password = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');

export const NewUserBody = z
  .strictObject({
    name: Name(200),
    // Stored lowercased: sign-in compares e-mails without regard to case.
    email: z.email({ message: 'must be an e-mail address' }).max(320).toLowerCase(),
    managerId: Uuid.nullable().optional(),
    role: z.enum(accessRoles).default('member').openapi({ description: 'What the person may do; see the README on roles' }),
    password: Password.optional().openapi({ description: 'Initial password; without one the person cannot sign in until an admin sets it' }),
  })
  .openapi('NewUser');

export const UserPatchBody = z
  .strictObject({
    name: Name(200).optional(),
    managerId: Uuid.nullable().optional().openapi({ description: 'null: nobody above them' }),
    role: z.enum(accessRoles).optional(),
    active: z.boolean().optional().openapi({ description: 'false: the person left; they can no longer sign in and are passed over as recipient' }),
    password: Password.optional().openapi({ description: 'A new password; ends their sessions' }),
    language: LanguageChoice.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'must name at least one field to change' })
  .openapi('UserPatch');

export const InboxItemParams = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' }, description: 'The person' }),
  itemId: Uuid.openapi({ param: { name: 'itemId', in: 'path' }, description: 'The inbox item' }),
});

export const User = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    managerId: z.string().nullable(),
    role: z.enum(accessRoles),
    active: z.boolean().openapi({ description: 'False once the person has left: they cannot sign in and are passed over' }),
    language: LanguageChoice,
  })
  .openapi('User');

/** What an inbox item says: the fields the web app shows are named; other fields pass through. */
export const InboxPayload = z
  .looseObject({
    subject: z.string().optional(),
    message: z.string().optional(),
    requestId: z.string().optional(),
    dueAt: z.string().optional(),
    projectId: z.string().optional(),
    retrospectiveId: z.string().optional(),
  })
  .openapi('InboxPayload');

export const InboxItem = z
  .object({
    id: z.string(),
    kind: z.enum(inboxItemKinds),
    payload: InboxPayload,
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('InboxItem');

/** The people list, narrowed to those whose name or e-mail contains `q` (in any script: 张, li). */
export const UserListQuery = z.strictObject({
  q: z.string().trim().max(200).refine(withoutNul, noNul).optional().openapi({ description: 'Part of the name or e-mail' }),
  ownersOfNewProject: z
    .enum(['true'])
    .optional()
    .openapi({ description: 'Only the people you may create a project for (yourself; for managers also the people below you; for admins anyone)' }),
});

export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().openapi({ description: 'Only unread items when true' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type User = z.infer<typeof User>;
export type InboxItem = z.infer<typeof InboxItem>;
