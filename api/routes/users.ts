import { createRoute } from '@hono/zod-openapi';
import { listInbox } from '../../db/queries/inbox';
import { findUser, insertUser, listUsers } from '../../db/queries/users';
import { hashPassword } from '../auth/password';
import type { AppDeps } from '../deps';
import { inboxItemDto, userDto } from '../dto';
import { ApiError, invalidFields, notFound } from '../errors';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../schemas/common';
import { InboxItem, InboxQuery, NewUserBody, User } from '../schemas/users';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export function usersRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['users'],
        summary: 'Add a person to the org chart',
        request: { body: { content: json(NewUserBody), required: true } },
        responses: {
          201: { description: 'Created', content: json(User) },
          409: { description: 'E-mail already taken', content: errorResponses[400].content },
          ...errorResponses,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        if (body.managerId && !(await findUser(db, body.managerId))) {
          throw invalidFields([{ path: 'managerId', message: `no user with id ${body.managerId}` }]);
        }
        const taken = await db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst();
        if (taken) throw new ApiError(409, 'email_taken', `A user with e-mail ${body.email} already exists.`, [{ path: 'email', message: 'already taken' }]);
        const user = await insertUser(db, {
          name: body.name,
          email: body.email,
          manager_id: body.managerId ?? null,
          role: body.role,
          password_hash: body.password === undefined ? null : await hashPassword(body.password),
        });
        return c.json(userDto(user), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['users'],
        summary: 'Everyone in the org chart',
        responses: { 200: { description: 'Users', content: json(User.array()) } },
      }),
      async (c) => c.json((await listUsers(db)).map(userDto), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/inbox',
        tags: ['inbox'],
        summary: "A person's inbox, newest first",
        request: { params: IdParam, query: InboxQuery },
        responses: { 200: { description: 'Inbox items', content: json(InboxItem.array()) }, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        if (!(await findUser(db, id))) throw notFound('User', id);
        const items = await listInbox(db, id, { limit: query.limit, unreadOnly: query.unread === 'true' });
        return c.json(items.map(inboxItemDto), 200);
      },
    );
}
