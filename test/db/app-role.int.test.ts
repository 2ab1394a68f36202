import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AppRoleError, asRole, grantAppRole } from '../../db/app-role';
import { createDb, type Db } from '../../db/connect';
import { insertUser } from '../../db/queries/users';
import { useOwnDatabases } from '../support/own-databases';

const databases = useOwnDatabases('app_role');

/** A migrated database of its own, and a connection to it as a new application role. */
async function ownerAndApp(): Promise<{ owner: Db; app: Db }> {
  const owner = await databases.create();
  const role = `app_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const password = randomUUID();
  await grantAppRole(owner, { role, password });
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(owner);
  const url = inject('adminDatabaseUrl').replace(/\/postgres$/, `/${rows[0]!.name}`);
  const app = createDb(asRole(url, role, password), { max: 1 });
  return { owner, app };
}

describe('the role the application connects as', () => {
  let shared: Promise<{ owner: Db; app: Db }> | undefined;
  afterAll(async () => (await shared)?.app.destroy());

  it('reads and writes rows, and every change it makes is still on the audit trail', async () => {
    const { app } = await ownerAndApp();
    try {
      const user = await insertUser(app, { name: 'Written by the app', email: `app-${randomUUID()}@example.com`, role: 'member' });
      const trail = await app.selectFrom('audit_events').select(['action', 'entity', 'entityId']).where('entityId', '=', user.id).execute();
      expect(trail).toEqual([{ action: 'insert', entity: 'users', entityId: user.id }]);
    } finally {
      await app.destroy();
    }
  });

  it.each([
    ['disable the audit trigger of a table', 'alter table users disable trigger audit_row', /must be owner/],
    ['disable every trigger of the trail', 'alter table audit_events disable trigger all', /must be owner/],
    ['drop the audit trigger', 'drop trigger audit_row on users', /must be owner/],
    ['replace the audit function', 'create or replace function audit_row() returns trigger language plpgsql as $$ begin return null; end $$', /must be owner|permission denied/],
    ['skip triggers for its session', 'set session_replication_role = replica', /permission denied/],
    ['write an entry of its own', "insert into audit_events (actor_kind, action, entity, entity_id) values ('system', 'insert', 'users', 'x')", /permission denied/],
    ['change an entry', "update audit_events set entity = 'x'", /permission denied/],
    ['remove entries', 'delete from audit_events', /permission denied/],
    ['empty the trail', 'truncate audit_events', /permission denied/],
    ['change the schema', 'create table shadow (id int)', /permission denied for schema public/],
  ])('may not %s', async (_what, statement, refusal) => {
    // Each statement is refused and changes nothing, so they share one database.
    shared ??= ownerAndApp();
    const { app } = await shared;
    await expect(sql.raw(statement).execute(app)).rejects.toThrow(refusal);
  });

  it("refuses to start with an operator's role that does not exist, saying what to do", async () => {
    const owner = await databases.create();
    await expect(grantAppRole(owner, { role: 'nobody_made_me' })).rejects.toThrow(
      new AppRoleError('The database role "nobody_made_me" of DATABASE_URL does not exist. Create it as a login role without other rights, then start again.'),
    );
  });
});
