import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../../db/connect';
import { findManagerAbove, insertUser } from '../../db/queries/users';

let db: Db;
beforeAll(() => {
  db = createDb(inject('databaseUrl'));
});
afterAll(async () => {
  await db.destroy();
});

const person = (name: string, managerId: string | null, active = true) =>
  insertUser(db, { name, email: `${name}-${randomUUID()}@example.com`, managerId: managerId, active });

it('finds the manager N levels up, passing over people who left, and nobody past the top', async () => {
  const ceo = await person('ceo', null);
  const director = await person('director', ceo.id);
  const gone = await person('gone', director.id, false);
  const rep = await person('rep', gone.id);

  expect((await findManagerAbove(db, rep.id, 1))?.id).toBe(director.id);
  expect((await findManagerAbove(db, rep.id, 2))?.id).toBe(ceo.id);
  expect(await findManagerAbove(db, rep.id, 3)).toBeUndefined();
  expect(await findManagerAbove(db, ceo.id, 1)).toBeUndefined();
});
