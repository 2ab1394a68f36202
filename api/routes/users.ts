import { deleteSessionsOfUser } from '../../db/queries/auth';
import { listInbox, markInboxItemRead } from '../../db/queries/inbox';
import {
  countActiveAdmins,
  findUser,
  findUserByEmail,
  insertUser,
  isAbove,
  listUsers,
  lockUser,
  lockUserAdministration,
  updateUser,
} from '../../db/queries/users';
import { hashPassword } from '../auth/password';
import { onlyRoles, type Principal } from '../auth/principal';
import { roleAbilities } from '../access/role-abilities';
import { mayCreateProjectsFor } from '../access/project-creation';
import type { AppDeps } from '../deps';
import { inboxItemDto, userDto } from '../dto';
import { ApiError, fieldDetail, found, invalidFields, notFound, said } from '../errors';
import { createRouter } from '../router';
import * as routes from '../contract/routes/users';

const emailTaken = (email: string) => new ApiError(409, 'email_taken', said('emailTaken', { email }), [fieldDetail('email', 'field.taken')]);

/** A concurrent create with the same e-mail is the same refusal as the check. */
const isUniqueViolation = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

/** Someone else's inbox "does not exist" for you, unless you are an admin. */
const mayReadInbox = (principal: Principal, userId: string) => principal.userId === userId || principal.role === 'admin';

export function usersRouter({ db, principalCache }: AppDeps) {
  return createRouter()
    .openapi(
      { ...routes.createUser, middleware: onlyRoles(roleAbilities.managePeople, 'add people') },
      async (c) => {
        const body = c.req.valid('json');
        if (body.managerId && !(await findUser(db, body.managerId))) {
          throw invalidFields([fieldDetail('managerId', 'field.noUser', { id: body.managerId })]);
        }
        if (await findUserByEmail(db, body.email)) throw emailTaken(body.email);
        const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
        const user = await insertUser(db, { name: body.name, email: body.email, managerId: body.managerId ?? null, role: body.role, passwordHash: passwordHash }).catch(
          (error: unknown) => {
            throw isUniqueViolation(error) ? emailTaken(body.email) : error;
          },
        );
        return c.json(userDto(user), 201);
      },
    )
    .openapi(
      routes.listUsers,
      async (c) => {
        const { q, ownersOfNewProject } = c.req.valid('query');
        const people = await listUsers(db, q);
        return c.json((ownersOfNewProject ? await mayCreateProjectsFor(db, c.get('principal'), people) : people).map(userDto), 200);
      },
    )
    .openapi(
      routes.getUser,
      async (c) => {
        const { id } = c.req.valid('param');
        const user = found(await findUser(db, id), 'user', id);
        return c.json(userDto(user), 200);
      },
    )
    .openapi(
      { ...routes.updateUser, middleware: onlyRoles(roleAbilities.managePeople, "change people's accounts") },
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
        const user = await db.transaction().execute(async (trx) => {
          await lockUserAdministration(trx);
          const before = found(await lockUser(trx, id), 'user', id);
          if (body.managerId) {
            if (!(await findUser(trx, body.managerId))) throw invalidFields([fieldDetail('managerId', 'field.noUser', { id: body.managerId })]);
            // A cycle: the new manager is this person, or someone below them.
            if (body.managerId === id || (await isAbove(trx, id, body.managerId))) {
              throw invalidFields([
                {
                  path: 'managerId',
                  message: body.managerId === id ? 'a person cannot be their own manager' : `${before.name} stands above that person in the org chart; this would make a cycle`,
                },
              ]);
            }
          }
          const staysActiveAdmin = (body.role ?? before.role) === 'admin' && (body.active ?? before.active);
          if (before.role === 'admin' && before.active && !staysActiveAdmin && (await countActiveAdmins(trx, { except: id })) === 0) {
            throw new ApiError(409, 'last_admin', said('lastAdmin', { name: before.name }));
          }
          const after = await updateUser(trx, id, {
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(body.managerId === undefined ? {} : { manager_id: body.managerId }),
            ...(body.role === undefined ? {} : { role: body.role }),
            ...(body.active === undefined ? {} : { active: body.active }),
            ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
            ...(body.language === undefined ? {} : { language: body.language }),
          });
          // Whatever they could do in a session they opened before must not outlive the change.
          if (passwordHash !== undefined || after.role !== before.role || (before.active && !after.active)) await deleteSessionsOfUser(trx, id);
          return after;
        });
        principalCache?.forget(id);
        return c.json(userDto(user), 200);
      },
    )
    .openapi(
      routes.listInbox,
      async (c) => {
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        if (!mayReadInbox(c.get('principal'), id) || !(await findUser(db, id))) throw notFound('user', id);
        const items = await listInbox(db, id, { limit: query.limit, unreadOnly: query.unread === 'true' });
        return c.json(items.map(inboxItemDto), 200);
      },
    )
    .openapi(
      routes.markInboxItemRead,
      async (c) => {
        const { id, itemId } = c.req.valid('param');
        if (c.get('principal').userId !== id || !(await markInboxItemRead(db, id, itemId))) throw notFound('inboxItem', itemId);
        return c.body(null, 204);
      },
    );
}
