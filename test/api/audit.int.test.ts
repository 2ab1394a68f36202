import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { createDb } from '../../db/connect';
import { auditedTables as firstAuditedTables, unauditedTables as unauditedSince20261125 } from '../../db/migrations/20261125T0000-sign-in-and-audit';
import { unauditedTables as unauditedSince20261204 } from '../../db/migrations/20261204T0200-known-devices';
import { auditedTables as sharedCalendarTables } from '../../db/migrations/20261204T0400-shared-calendars';
import { auditedTables as absenceTables } from '../../db/migrations/20261206T0300-absences';
import { unauditedTables as unauditedSince20261206 } from '../../db/migrations/20261206T0200-sample-company';
import { unauditedTables as unauditedSince20261207 } from '../../db/migrations/20261207T0000-lifecycle-projection';
import { auditedTables as chatChannelTables, unauditedTables as chatChannelUnaudited } from '../../db/migrations/20261207T0400-chat-channels';
import { auditedTables as goalAllocationTables } from '../../db/migrations/20261209T0100-goal-allocations';
import { auditedTables as forecastCrossingTables } from '../../db/migrations/20261209T0600-forecast-crossings';
import { auditedTables as funnelTables } from '../../db/migrations/20261209T0200-funnel';
import { auditedTables as trainingAndScorecardTables } from '../../db/migrations/20261209T0300-training-and-scorecard';
import { auditedTables as incentiveTables } from '../../db/migrations/20261209T0400-incentives';
import { unauditedTables as projectReadVersionTables } from '../../db/migrations/20261210T0000-project-read-versions';
import { auditedTables as instanceSettingsTables } from '../../db/migrations/20261214T0000-instance-language';
import { createOrgChart, createProjectWithMilestone } from '../support/factories';
import { call, eventually } from '../support/http';
import { admin } from '../support/identities';
import { createUser } from '../support/people';
import { createPlanProject, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem();
/** Tables audited, and left out with a reason, each named by the migration that created it. */
const auditedTables = { ...firstAuditedTables, ...sharedCalendarTables, ...absenceTables, ...chatChannelTables, ...goalAllocationTables, ...forecastCrossingTables, ...funnelTables, ...trainingAndScorecardTables, ...incentiveTables, ...instanceSettingsTables };
const unauditedTables = { ...unauditedSince20261125, ...unauditedSince20261204, ...unauditedSince20261206, ...unauditedSince20261207, ...chatChannelUnaudited, ...projectReadVersionTables };

const trailOf = (projectId: string) =>
  system.db.selectFrom('audit_events').selectAll().where('projectId', '=', projectId).orderBy('id').execute();

describe('the audit trail', () => {
  it('covers every table that holds business data, and names why each other table is left out', async () => {
    const tables = (await sql<{ tableName: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(system.db)).rows.map((r) => r.tableName);
    const triggered = new Set(
      (await sql<{ tableName: string }>`select c.relname as table_name from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'audit_row'`.execute(system.db)).rows.map((r) => r.tableName),
    );
    for (const table of tables) {
      expect(table in auditedTables || table in unauditedTables, `${table} is neither audited nor exempt with a reason`).toBe(true);
      expect(triggered.has(table), `${table} ${triggered.has(table) ? 'has' : 'lacks'} the audit trigger`).toBe(table in auditedTables);
    }
  });

  it('refuses to change or remove what it says, to the application and to the role that owns it', async () => {
    const [event] = await system.db.selectFrom('audit_events').select('id').limit(1).execute();
    expect(event).toBeDefined();
    const owner = createDb(inject('ownerDatabaseUrl'), { max: 1 });
    try {
      for (const [db, refusal] of [[system.db, /permission denied/], [owner, /append-only/]] as const) {
        await expect(db.updateTable('audit_events').set({ entity: 'x' } as never).where('id', '=', event!.id).execute()).rejects.toThrow(refusal);
        await expect(db.deleteFrom('audit_events').where('id', '=', event!.id).execute()).rejects.toThrow(refusal);
        await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(refusal);
      }
    } finally {
      await owner.destroy();
    }
  });


  it('records who changed what, when, before and after, for each change made through the API', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
    const since = new Date();
    const created = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: 'Call the top ten accounts' }, { as: owner });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const changed = await call(system.app, 'PATCH', `/api/projects/${project.id}/tasks/${created.body.id}`, { status: 'done' }, { as: owner });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await call(system.app, 'DELETE', `/api/projects/${project.id}/tasks/${created.body.id}`, undefined, { as: owner })).status).toBe(204);

    const trail = (await trailOf(project.id)).filter((e) => e.entity === 'tasks');
    expect(trail.map((e) => e.action)).toEqual(['insert', 'update', 'delete']);
    for (const event of trail) {
      expect(event).toMatchObject({ actorKind: 'token', actorUserId: owner.id, entityId: created.body.id, projectId: project.id });
      expect(event.at.getTime()).toBeGreaterThanOrEqual(since.getTime() - 1000);
    }
    expect(trail[0]!.before).toBeNull();
    expect(trail[0]!.after).toMatchObject({ title: 'Call the top ten accounts', status: 'open' });
    expect(trail[1]!.before).toMatchObject({ status: 'open' });
    expect(trail[1]!.after).toMatchObject({ status: 'done' });
    expect(trail[2]!.before).toMatchObject({ status: 'done' });
    expect(trail[2]!.after).toBeNull();
  });

  it('is written in the same transaction as the change, so a change rolled back leaves no trace', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
    const before = (await trailOf(project.id)).length;
    await expect(
      system.db.transaction().execute(async (trx) => {
        await trx.insertInto('tasks').values({ projectId: project.id, title: 'Never happened' }).execute();
        expect((await trx.selectFrom('audit_events').select('id').where('projectId', '=', project.id).execute()).length).toBe(before + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await trailOf(project.id)).length).toBe(before);
  });

  it('says that a password or token was set or changed, but never holds its hash', async () => {
    const created = await call(system.app, 'POST', '/api/users', { name: 'With password', email: `pw-${Date.now()}@example.com`, password: 'correct horse battery' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [row] = await system.db.selectFrom('users').select('passwordHash').where('id', '=', created.body.id).execute();
    await system.db.updateTable('users').set({ passwordHash: 'another-hash-value' }).where('id', '=', created.body.id).execute();
    const trail = await system.db.selectFrom('audit_events').select(['action', 'before', 'after']).where('entity', '=', 'users').where('entityId', '=', created.body.id).orderBy('id').execute();
    expect(trail.map((e) => [e.action, e.before?.password_hash ?? null, e.after?.password_hash ?? null])).toEqual([
      ['insert', null, 'set'],
      ['update', 'set', 'changed'],
    ]);
    const tokens = await system.db.selectFrom('audit_events').select(['before', 'after']).where('entity', 'in', ['users', 'api_tokens']).orderBy('id', 'desc').limit(200).execute();
    const text = JSON.stringify([trail, tokens]);
    expect(text).not.toContain(row!.passwordHash!);
    expect(text).not.toMatch(/\$argon2|another-hash-value|"token_hash":"(?!set|changed)/);
  });

  it('shows the decisions workflows make: escalation levels reached by the workflow, the acknowledgement by the person', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, target: 1000, ackTimeoutSeconds: 30 });
    const escalation = await eventually(async () => {
      const [row] = await system.db.selectFrom('escalations').selectAll().where('projectId', '=', p.id).execute();
      expect(row).toBeDefined();
      return row!;
    });
    // The acknowledgement opens once the request has reached the manager.
    await eventually(async () => expect((await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`, undefined, { as: org.manager })).body).toHaveLength(1));
    const acked = await call(system.app, 'POST', `/api/escalations/${escalation.id}/ack`, {}, { as: org.manager });
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);

    const trail = await trailOf(p.id);
    const raised = trail.find((e) => e.entity === 'escalations' && e.action === 'insert');
    expect(raised).toMatchObject({ actorKind: 'workflow', actorUserId: null, after: expect.objectContaining({ level: 1, recipient_id: org.manager.id }) });
    expect(raised!.actorDetail).toBeTruthy();
    const acknowledged = await eventually(async () => {
      const events = (await trailOf(p.id)).filter((e) => e.entity === 'escalations' && e.action === 'update' && e.actorUserId === org.manager.id);
      expect(events.length).toBeGreaterThan(0);
      return events[0]!;
    });
    expect(acknowledged.after).toMatchObject({ acknowledged_by: org.manager.id });
    const milestone = trail.find((e) => e.entity === 'milestones' && e.action === 'update' && (e.after as { status?: string }).status === 'missed');
    expect(milestone?.actorKind).toBe('workflow');
  });
});

describe('reading the audit trail', () => {
  async function managedProject() {
    const org = await createOrgChart(system.app);
    const project = await createPlanProject(system.db, { ownerId: org.rep.id, ...year2027 });
    const task = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: 'Audited' }, { as: org.rep });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    return { org, project };
  }

  it('lets admins read everything and filter by project, person and time', async () => {
    const { org, project } = await managedProject();
    const all = await call(system.app, 'GET', '/api/audit?limit=5');
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.events).toHaveLength(5);
    expect(all.body.nextBefore).toBe(all.body.events[4].id);

    const byProject = await call(system.app, 'GET', `/api/audit?projectId=${project.id}&userId=${org.rep.id}`);
    expect(byProject.body.events).toHaveLength(1);
    expect(byProject.body.events[0]).toMatchObject({ action: 'insert', entity: 'tasks', actor: { kind: 'token', userId: org.rep.id, name: org.rep.name } });

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await call(system.app, 'GET', `/api/audit?projectId=${project.id}&from=${encodeURIComponent(future)}`)).body.events).toEqual([]);
    expect((await call(system.app, 'GET', `/api/audit?from=${encodeURIComponent(future)}&to=${encodeURIComponent(new Date().toISOString())}`)).status).toBe(400);
  });

  it("lets the project's managers read its trail, and nobody else", async () => {
    const { org, project } = await managedProject();
    const path = `/api/audit?projectId=${project.id}`;
    for (const manager of [org.manager, org.director, org.ceo]) {
      const res = await call(system.app, 'GET', path, undefined, { as: manager });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.events.length).toBeGreaterThan(0);
    }
    // The owner is on the project (so it exists for them) but is not its manager.
    expect((await call(system.app, 'GET', path, undefined, { as: org.rep })).status).toBe(403);
    const stranger = await createUser(system.app, 'Stranger', null, 'manager');
    expect((await call(system.app, 'GET', path, undefined, { as: stranger })).status).toBe(404);
    expect((await call(system.app, 'GET', '/api/audit', undefined, { as: org.manager })).status).toBe(403);
    expect((await call(system.app, 'GET', path, undefined, { as: null })).status).toBe(401);
    expect((await call(system.app, 'GET', path, undefined, { as: admin() })).status).toBe(200);
  });
});
