import type { Db } from '../../db/connect';
import { deleteAbsence, findAbsenceWithNames, listAbsencesNotOverBy, lockAbsences, putAbsence } from '../../db/queries/absences';
import { findUser, isAbove, listActivePeople } from '../../db/queries/users';
import { absenceLoop, type AbsenceWindow } from '../../workflows/domain/absence-routing';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, found, invalidFields, said } from '../errors';
import { createRouter } from '../router';
import * as routes from '../contract/routes/absences';

/** The absence as the contract answers it; null when none is set. */
async function absenceState(db: Db, userId: string) {
  const row = await findAbsenceWithNames(db, userId);
  if (!row) return { absence: null };
  const now = Date.now();
  return {
    absence: {
      userId: row.userId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      deputy: { id: row.deputyId, name: row.deputyName },
      setBy: row.setBy === null ? null : { id: row.setBy, name: row.setByName ?? '' },
      current: row.startsAt.getTime() <= now && now < row.endsAt.getTime(),
    },
  };
}

/** 404 for nobody; 403 unless the principal is the person or stands above them (viewers only read). */
async function requireMaySetAbsence(db: Db, principal: Principal, userId: string): Promise<void> {
  found(await findUser(db, userId), 'user', userId);
  const mayAct = principal.userId === userId || (await isAbove(db, principal.userId, userId));
  if (!mayAct || principal.role === 'viewer') {
    throw new ApiError(403, 'forbidden', said('onlySelfOrManagerAbsence'));
  }
}

export function absencesRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(routes.getAbsence, async (c) => {
      const { id } = c.req.valid('param');
      found(await findUser(db, id), 'user', id);
      return c.json(await absenceState(db, id), 200);
    })
    .openapi(routes.putAbsence, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = c.get('principal');
      await requireMaySetAbsence(db, principal, id);
      const proposed: AbsenceWindow = { userId: id, deputyId: body.deputyId, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
      if (proposed.endsAt.getTime() <= Date.now()) throw invalidFields([fieldDetail('endsAt', 'field.endsInPast')]);
      if (body.deputyId === id) throw invalidFields([fieldDetail('deputyId', 'field.deputySelf')]);
      await db.transaction().execute(async (trx) => {
        await lockAbsences(trx);
        const [deputy] = await listActivePeople(trx, [body.deputyId]);
        if (!deputy) throw invalidFields([fieldDetail('deputyId', 'field.noActivePerson', { id: body.deputyId })]);
        const absences = new Map((await listAbsencesNotOverBy(trx, proposed.startsAt)).map((a) => [a.userId, a]));
        const loop = absenceLoop(proposed, (userId) => absences.get(userId));
        if (loop) {
          const names = new Map((await listActivePeople(trx, loop)).map((p) => [p.id, p.name]));
          throw invalidFields([
            { path: 'deputyId', message: `${deputy.name} is away then too, and their deputies lead back round: ${loop.map((p) => names.get(p) ?? p).join(' → ')}; this would make a loop` },
          ]);
        }
        await putAbsence(trx, { ...proposed, setBy: principal.userId });
      });
      return c.json(await absenceState(db, id), 200);
    })
    .openapi(routes.deleteAbsence, async (c) => {
      const { id } = c.req.valid('param');
      await requireMaySetAbsence(db, c.get('principal'), id);
      await deleteAbsence(db, id);
      return c.body(null, 204);
    });
}
