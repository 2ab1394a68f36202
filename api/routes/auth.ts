import { type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  createApiToken,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  listApiTokens,
  revokeApiToken,
  sha256,
} from '../../db/queries/auth';
import { findUser, findUserByEmail, updateUser } from '../../db/queries/users';
import { sessionCookieName } from '../auth/authenticate';
import { beginLoginAttempt } from '../auth/login-rate-limit';
import { clientAddress } from '../client-address';
import { deviceSecretOf, rememberDevice } from '../auth/device-cookie';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import { unauthenticated } from '../auth/principal';
import { newTokenExpiry } from '../auth/token-lifetime';
import { canGrant, grantableRoles } from '../auth/roles';
import { sessionCan } from '../access/role-abilities';
import { clearSessionCookie, sessionTtlMs, setSessionCookie } from '../auth/session-cookie';
import type { AppDeps } from '../deps';
import { userDto } from '../dto';
import { ApiError, fieldDetail, invalidFields, notFound, said } from '../errors';
import { createRouter } from '../router';
import { ApiToken } from '../contract/auth';
import * as routes from '../contract/routes/auth';


/** One answer for an unknown e-mail, a wrong password, a person who left or has no password: no hint which. */
const invalidCredentials = () => new ApiError(401, 'invalid_credentials', said('invalidCredentials'));

/** The error to throw when sign-in must wait; `Retry-After` (seconds) survives into the error answer. */
function tooManyAttempts(c: Context, retryAfterSeconds: number): ApiError {
  c.header('Retry-After', String(retryAfterSeconds));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new ApiError(429, 'too_many_attempts', said('tooManyAttempts', { minutes }));
}

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

const apiTokenDto = (t: TokenRow): z.infer<typeof ApiToken> => ({
  id: t.id,
  name: t.name,
  role: t.role,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export function authRouter({ db, trustProxy, principalCache }: AppDeps) {
  return createRouter()
    .openapi(
      routes.login,
      async (c) => {
        const { email, password } = c.req.valid('json');
        const attempt = await beginLoginAttempt(db, { email, address: clientAddress(c, trustProxy), deviceSecret: deviceSecretOf(c) });
        if (attempt.blocked) throw tooManyAttempts(c, attempt.retryAfterSeconds);
        const user = await findUserByEmail(db, email);
        // Always one argon2 verification, so an unknown e-mail takes as long as a wrong password.
        const passwordMatches = await verifyPassword(user?.passwordHash ?? dummyHash, password);
        if (!user || user.passwordHash === null || !user.active || !passwordMatches) throw invalidCredentials();
        await attempt.succeeded();

        // Signing in again in this browser replaces the session it had.
        const previous = getCookie(c, sessionCookieName);
        if (previous) await deleteSession(db, sha256(previous));
        await deleteExpiredSessions(db, user.id);
        const session = await createSession(db, user.id, sessionTtlMs);
        setSessionCookie(c, session.secret, session.expiresAt);
        await rememberDevice(c, db, user.id, attempt.knownDeviceId);
        return c.json({ user: userDto(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), grantableRoles: [...grantableRoles(user.role)], can: sessionCan(user.role) }, 200);
      },
    )
    .openapi(
      routes.logout,
      async (c) => {
        const { via, userId } = c.get('principal');
        if (via.kind === 'session') {
          await deleteSession(db, via.sessionId);
          principalCache?.forget(userId);
          clearSessionCookie(c);
        }
        return c.body(null, 204);
      },
    )
    .openapi(
      routes.getSession,
      async (c) => {
        // Everything comes with the principal (one lookup, or none when cached).
        const principal = c.get('principal');
        const { via } = principal;
        if (via.kind === 'link') throw unauthenticated();
        return c.json(
          {
            user: userDto(principal.account),
            via: via.kind,
            csrfToken: via.kind === 'session' ? via.csrfToken : null,
            expiresAt: principal.expiresAt?.toISOString() ?? null,
            grantableRoles: [...grantableRoles(principal.role)],
            can: sessionCan(principal.role),
          },
          200,
        );
      },
    )
    .openapi(
      routes.changePassword,
      async (c) => {
        const principal = c.get('principal');
        const { currentPassword, newPassword } = c.req.valid('json');
        const user = await findUser(db, principal.userId);
        if (!user) throw unauthenticated();
        // Whoever holds a stolen session must not get to guess the password at leisure.
        const attempt = await beginLoginAttempt(db, { email: user.email, address: clientAddress(c, trustProxy), deviceSecret: deviceSecretOf(c) });
        if (attempt.blocked) throw tooManyAttempts(c, attempt.retryAfterSeconds);
        if (user.passwordHash === null) {
          throw invalidFields([fieldDetail('currentPassword', 'field.noPasswordYet')]);
        }
        if (!(await verifyPassword(user.passwordHash, currentPassword))) {
          throw invalidFields([fieldDetail('currentPassword', 'field.wrongPassword')]);
        }
        await attempt.succeeded();
        const passwordHash = await hashPassword(newPassword);
        await db.transaction().execute(async (trx) => {
          await updateUser(trx, user.id, { passwordHash: passwordHash });
          await deleteSessionsOfUser(trx, user.id, principal.via.kind === 'session' ? principal.via.sessionId : undefined);
        });
        principalCache?.forget(user.id);
        return c.body(null, 204);
      },
    )
    .openapi(
      routes.changeLanguage,
      async (c) => {
        const { userId } = c.get('principal');
        const { language } = c.req.valid('json');
        // A plain update of the person's row: the audit trigger records it under them.
        const user = await updateUser(db, userId, { language });
        principalCache?.forget(userId);
        return c.json(userDto(user), 200);
      },
    )
    .openapi(
      routes.listTokens,
      async (c) => c.json((await listApiTokens(db, c.get('principal').userId)).map(apiTokenDto), 200),
    )
    .openapi(
      routes.createToken,
      async (c) => {
        const principal = c.get('principal');
        const body = c.req.valid('json');
        if (!canGrant(principal.role, body.role)) {
          throw new ApiError(403, 'forbidden', said('tokenRole', { role: principal.role, roles: grantableRoles(principal.role).join(', ') }), [
            { path: 'role', message: `may be ${grantableRoles(principal.role).join(', ')}` },
          ]);
        }
        const expiresAt = await newTokenExpiry(db, principal, body.expiresInDays);
        const parentTokenId = principal.via.kind === 'token' ? principal.via.tokenId : null;
        const { token, row } = await createApiToken(db, { userId: principal.userId, name: body.name, role: body.role, expiresAt, parentTokenId });
        return c.json({ token, ...apiTokenDto(row) }, 201);
      },
    )
    .openapi(
      routes.revokeToken,
      async (c) => {
        const { id } = c.req.valid('param');
        const { userId } = c.get('principal');
        if (!(await revokeApiToken(db, userId, id))) throw notFound('apiToken', id);
        principalCache?.forget(userId);
        return c.body(null, 204);
      },
    );
}
