import { z } from '@hono/zod-openapi';
import { Name } from './common';
import { accessRoles } from '../../workflows/domain';
import { SessionCan } from './can';
import { LanguageChoice, Password, User, noNul, withoutNul } from './users';

export const LoginBody = z
  .strictObject({
    // Any string: a malformed e-mail is just another wrong e-mail (401), never a hint.
    email: z.string().min(1, 'must not be empty').max(320).refine(withoutNul, noNul).openapi({ example: 'ann@example.com' }),
    password: z.string().min(1, 'must not be empty').max(1024),
  })
  .openapi('LoginBody');

const Role = z.enum(accessRoles);

const SessionFields = {
  user: User,
  csrfToken: z.string().openapi({ description: 'Send it as X-CSRF-Token on every change made with the session cookie' }),
  expiresAt: z.string().openapi({ description: 'When the session ends' }),
  grantableRoles: Role.array().openapi({ description: 'The roles this person may give an API token' }),
};

export const LoginResponse = z.object({ ...SessionFields, can: SessionCan }).openapi('SignedIn');

export const SessionResponse = z
  .object({
    ...SessionFields,
    via: z.enum(['session', 'token']),
    csrfToken: SessionFields.csrfToken.nullable().openapi({ description: 'The session\'s CSRF token; null with an API token (no cookie, no CSRF)' }),
    expiresAt: z.string().nullable().openapi({ description: "When the session (or the API token) ends; null for a token that does not expire" }),
    grantableRoles: Role.array().openapi({ description: 'The roles this request may give an API token (its own or narrower)' }),
    can: SessionCan,
  })
  .openapi('Session');

export const PasswordChangeBody = z.strictObject({ currentPassword: z.string().min(1, 'must not be empty').max(1024), newPassword: Password }).openapi('PasswordChange');

export const LanguageBody = z.strictObject({ language: LanguageChoice }).openapi('LanguageChange');

export const NewApiTokenBody = z
  .strictObject({
    name: Name(100).openapi({ example: 'CRM sync' }),
    role: Role.openapi({ description: 'What the token may do: your own role or a narrower one' }),
    expiresInDays: z.number().int('must be a whole number').min(1).max(365).optional().openapi({ description: 'Without it the token lasts until revoked; made with a token that expires, it expires with that one at the latest, since a token never outlives the token that made it' }),
  })
  .openapi('NewApiToken');

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    role: Role,
    prefix: z.string().openapi({ description: 'The first characters of the token, to tell tokens apart' }),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export const CreatedApiToken = ApiToken.extend({
  token: z.string().openapi({ description: 'The secret, shown this once: send it as "Authorization: Bearer <token>"' }),
}).openapi('CreatedApiToken');

export type SessionResponse = z.infer<typeof SessionResponse>;
export type LoginResponse = z.infer<typeof LoginResponse>;
export type ApiToken = z.infer<typeof ApiToken>;
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
