import { createMiddleware } from 'hono/factory';
import type { User } from '../../db/schema';
import type { AccessRole } from '../../workflows/domain';
import { ApiError, said } from '../errors';
import { doingParam, type DoingText } from '../said';

/**
 * The person behind a request. `role` is what this request may do: the person's role when they
 * signed in, or the role their API token was scoped to (never more than the person's own).
 */
export interface Principal {
  userId: string;
  name: string;
  role: AccessRole;
  via: { kind: 'session'; sessionId: string; csrfToken: string } | { kind: 'token'; tokenId: string } | { kind: 'link'; linkId: string };
  /** The person's account as it read when they were authenticated (kept fresh by the principal cache). */
  account: SignedInAccount;
  /** When the session or token stops working; null = a token without an end. */
  expiresAt: Date | null;
}

/** What a principal carries about its person: their account, secrets left out. */
export type SignedInAccount = Pick<User, 'id' | 'name' | 'email' | 'managerId' | 'role' | 'active' | 'language'>;

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `authenticate` for every `/api/*` request except the public ones. */
    principal: Principal;
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', said('unauthenticated', { header: 'Authorization: Bearer <token>' }));

/** Refuses with 403 unless the principal has one of `roles`. */
export function requireRole(principal: Principal, roles: readonly AccessRole[], doing: DoingText): void {
  if (!roles.includes(principal.role)) {
    throw new ApiError(403, 'forbidden', said('onlyRoles', { roles: { list: roles.map((role) => said(`roles.${role}`)), join: 'or' }, doing: doingParam(doing), role: said(`roles.${principal.role}`) }));
  }
}

/**
 * Route middleware admitting only `roles`. It runs before the body is validated, so a refused
 * person learns nothing from validation errors.
 */
export const onlyRoles = (roles: readonly AccessRole[], doing: DoingText) =>
  createMiddleware(async (c, next) => {
    requireRole(c.get('principal'), roles, doing);
    await next();
  });
