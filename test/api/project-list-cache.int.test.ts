import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectListPages } from '../../api/project-list-pages';
import { startApiReplica, whileOthersWrite, type ApiReplica as Replica } from '../support/api-replicas';
import { createOrgChart, createProject, inSeconds, type OrgChart } from '../support/factories';
import { call } from '../support/http';
import type { Identity } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

// Two replicas of the API over one database, each keeping pages of the project list
// (api/project-list-pages.ts), as two processes behind a load balancer would. A kept page must
// never be served once anything it shows has changed, whoever changed it: the other replica, a
// workflow's activity or SQL.
const system = useSystem({ worker: false });
const DAY_MS = 86_400_000;

let a: Replica;
let b: Replica;
let org: OrgChart;
beforeAll(async () => {
  [a, b] = await Promise.all([startApiReplica(system), startApiReplica(system)]);
  org = await createOrgChart(system.app);
});
afterAll(async () => {
  for (const replica of [a, b]) await replica?.close();
});

interface Item {
  id: string;
  name: string;
  phase: string;
  ownerName: string;
  attainmentPct: number | null;
  status: string | null;
  openEscalations: number;
}

/** The list on a replica as `as` reads it (only the projects named with `tag`), with how many statements the read sent there. */
async function listOn(replica: Replica, tag: string, as: Identity = org.manager) {
  const before = replica.statements.queries;
  const res = await call(replica.app, 'GET', `/api/projects?q=${tag}`, undefined, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { items: res.body.items as Item[], statements: replica.statements.queries - before };
}

/** A year around now, halfway through. */
const year = () => ({ start: new Date(Date.now() - 182.5 * DAY_MS).toISOString(), end: new Date(Date.now() + 182.5 * DAY_MS).toISOString() });

/** A project of the rep's with a revenue goal of 1000 over `year()`, named `name` (which holds the tag). */
async function projectWithGoal(name: string) {
  const { start, end } = year();
  const project = await createProject<{ id: string }>(system.app, org.rep.id, name, { name, periodStart: start, periodEnd: end });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1000, period: { start, end } });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  return { ...project, goalId: goal.body.id as string };
}

describe('the project list pages a replica keeps', () => {
  it('serves a page read again while nothing changed with the single statement that asks, the same items as a fresh read', async () => {
    const tag = randomUUID().slice(0, 8);
    await projectWithGoal(`Kept ${tag}`);
    // Test files running alongside write projects all the time, and any committed change rightly
    // drops every kept page: read until two reads in a row saw none in between.
    const again = await whileOthersWrite(
      async () => {
        await listOn(b, tag);
        return listOn(b, tag);
      },
      (read) => read.statements === 1,
      { attempts: 50 },
    );
    expect(again.statements).toBe(1);
    expect(again.items).toEqual((await listOn(a, tag)).items);
  });

  it('shows on replica B, at its very next read, what replica A or plain SQL changed: a new project, a KPI report, a name, a goal, an escalation, a phase', async () => {
    const tag = randomUUID().slice(0, 8);
    const first = await projectWithGoal(`First ${tag}`);
    expect((await listOn(b, tag)).items.map((i) => i.name)).toEqual([`First ${tag}`]);

    const second = await projectWithGoal(`Second ${tag}`);
    expect((await listOn(b, tag)).items.map((i) => i.name)).toEqual([`Second ${tag}`, `First ${tag}`]);

    await system.db.updateTable('sales_projects').set({ name: `Renamed ${tag}` }).where('id', '=', first.id).execute();
    expect((await listOn(b, tag)).items.map((i) => i.name)).toEqual([`Second ${tag}`, `Renamed ${tag}`]);

    const kpi = await call(a.app, 'POST', `/api/projects/${first.id}/kpi-reports`, { metric: 'revenue', value: 550, reportedAt: inSeconds(-60) }, { as: org.rep });
    expect(kpi.status, JSON.stringify(kpi.body)).toBe(201);
    expect((await listOn(b, tag)).items[1]).toMatchObject({ attainmentPct: 55, status: 'green' });

    await system.db.updateTable('goals').set({ target: '2000' }).where('id', '=', first.goalId).execute();
    expect((await listOn(b, tag)).items[1]).toMatchObject({ attainmentPct: 27.5, status: 'red' });

    const milestone = await system.db
      .insertInto('milestones')
      .values({ projectId: second.id, name: 'Missed', dueAt: new Date(), metric: 'revenue', targetValue: '100', ownerId: org.rep.id, status: 'missed' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await system.db.insertInto('escalations').values({ projectId: second.id, milestoneId: milestone.id, level: 1, recipientId: org.manager.id }).execute();
    expect((await listOn(b, tag)).items[0]).toMatchObject({ openEscalations: 1 });

    await system.db.updateTable('sales_projects').set({ phase: 'execution' }).where('id', '=', second.id).execute();
    expect((await listOn(b, tag)).items[0]).toMatchObject({ phase: 'execution' });
  });

  it('follows people at the next read: an owner renamed, a member added, a report moved to another manager', async () => {
    const tag = randomUUID().slice(0, 8);
    const rep = await createUser(system.app, 'Moving Rep', org.manager.id, 'member');
    const elsewhere = await createUser(system.app, 'Other Manager', null, 'manager');
    const colleague = await createUser(system.app, 'Colleague', null, 'member');
    const project = await createProject<{ id: string }>(system.app, rep.id, 'Moving', { name: `Moving ${tag}` });
    expect((await listOn(b, tag)).items).toMatchObject([{ ownerName: 'Moving Rep' }]);
    expect((await listOn(b, tag, elsewhere)).items).toEqual([]);
    expect((await listOn(b, tag, colleague)).items).toEqual([]);

    await system.db.updateTable('users').set({ name: 'Renamed Rep' }).where('id', '=', rep.id).execute();
    expect((await listOn(b, tag)).items).toMatchObject([{ ownerName: 'Renamed Rep' }]);

    await system.db.insertInto('project_members').values({ projectId: project.id, userId: colleague.id, role: 'member' }).execute();
    expect((await listOn(b, tag, colleague)).items).toHaveLength(1);

    await system.db.updateTable('users').set({ managerId: elsewhere.id }).where('id', '=', rep.id).execute();
    expect((await listOn(b, tag)).items).toEqual([]);
    expect((await listOn(b, tag, elsewhere)).items).toHaveLength(1);
  });

  it('counts a KPI report dated later on a kept page from its date on, and works out the status at each read', async () => {
    const tag = randomUUID().slice(0, 8);
    const project = await projectWithGoal(`Later ${tag}`);
    const now = Date.now();
    const report = (value: string, reportedAt: Date) => ({ projectId: project.id, metric: 'revenue', value, reportedAt, reporterId: org.rep.id });
    await system.db.insertInto('kpi_reports').values([report('100', new Date(now - 60_000)), report('400', new Date(now + DAY_MS))]).execute();
    const pages = projectListPages(system.db);
    const filter = { q: tag, limit: 50 };
    const at = async (ms: number) => (JSON.parse(await pages.list(filter, new Date(ms))) as { items: Item[] }).items[0]!;
    // Halfway through the year 500 of the 1000 are due: 100 is behind.
    expect(await at(now)).toMatchObject({ attainmentPct: 10, status: 'red' });
    // The later report counts from its date: 500 is on the way (amber) a day later…
    expect(await at(now + DAY_MS + 1000)).toMatchObject({ attainmentPct: 50, status: 'amber' });
    // …and behind again a hundred days later, when 774 are due: the same rows, the status at the read.
    expect(await at(now + 100 * DAY_MS)).toMatchObject({ attainmentPct: 50, status: 'red' });
  });

  it('reads pages chosen by status at each read, never kept', async () => {
    const tag = randomUUID().slice(0, 8);
    const project = await projectWithGoal(`Status ${tag}`);
    await system.db.insertInto('kpi_reports').values({ projectId: project.id, metric: 'revenue', value: '100', reportedAt: new Date(Date.now() - 60_000), reporterId: org.rep.id }).execute();
    const before = b.statements.queries;
    const red = await call(b.app, 'GET', `/api/projects?q=${tag}&status=red`, undefined, { as: org.manager });
    const redAgain = await call(b.app, 'GET', `/api/projects?q=${tag}&status=red`, undefined, { as: org.manager });
    expect(red.body.items).toHaveLength(1);
    expect(redAgain.body.items).toEqual(red.body.items);
    // Principal lookups aside (kept), each read sends the list query itself.
    expect(b.statements.queries - before).toBeGreaterThanOrEqual(2);
  });
});
