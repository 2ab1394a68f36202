import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findTeam, findTeamByName, insertTeam, lockTeam, listTeamMembers, listTeams, replaceTeamMembers } from '../../db/queries/members';
import { onlyRoles } from '../auth/principal';
import { roleAbilities } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, found, said } from '../errors';
import { requireUsers } from '../plan-guard';
import { createRouter } from '../router';
import { Team } from '../contract/teams';
import * as routes from '../contract/routes/teams';

async function teamDto(db: Db, team: { id: string; name: string; createdAt: Date }): Promise<z.infer<typeof Team>> {
  return { id: team.id, name: team.name, members: await listTeamMembers(db, team.id), createdAt: team.createdAt.toISOString() };
}

const nameTaken = (name: string) =>
  new ApiError(409, 'team_name_taken', said('teamNameTaken', { name }), [fieldDetail('name', 'field.taken')]);

/** Unique violations (a concurrent create with the same name) are the same refusal as the check. */
const isUniqueViolation = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

/** Teams shape targets and reports across projects: admins keep them; everyone signed in reads them. */
const adminsOnly = onlyRoles(roleAbilities.manageTeams, 'create teams or change their members');

export function teamsRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      { ...routes.createTeam, middleware: adminsOnly },
      async (c) => {
        const body = c.req.valid('json');
        const team = await db
          .transaction()
          .execute(async (trx) => {
            if (await findTeamByName(trx, body.name)) throw nameTaken(body.name);
            await requireUsers(trx, body.memberIds.map((id, i) => ({ path: `memberIds.${i}`, id })));
            const created = await insertTeam(trx, body.name);
            await replaceTeamMembers(trx, created.id, body.memberIds);
            return teamDto(trx, created);
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? nameTaken(body.name) : error;
          });
        return c.json(team, 201);
      },
    )
    .openapi(
      routes.listTeams,
      async (c) => c.json(await Promise.all((await listTeams(db)).map((team) => teamDto(db, team))), 200),
    )
    .openapi(
      routes.getTeam,
      async (c) => {
        const { id } = c.req.valid('param');
        const team = found(await findTeam(db, id), 'team', id);
        return c.json(await teamDto(db, team), 200);
      },
    )
    .openapi(
      { ...routes.replaceTeamMembers, middleware: adminsOnly },
      async (c) => {
        const { id } = c.req.valid('param');
        const { userIds } = c.req.valid('json');
        const team = await db.transaction().execute(async (trx) => {
          const locked = found(await lockTeam(trx, id), 'team', id);
          await requireUsers(trx, userIds.map((userId, i) => ({ path: `userIds.${i}`, id: userId })));
          await replaceTeamMembers(trx, id, userIds);
          return teamDto(trx, locked);
        });
        return c.json(team, 200);
      },
    );
}
