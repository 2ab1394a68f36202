import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startLifecycle } from '../../api/lifecycle';
import { createOrgChart, createProjectWithMilestone, inSeconds, type OrgChart } from '../support/factories';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** Rows this test's people could have caused; other test files write beside this one. */
async function rowCounts(org: OrgChart) {
  const people = [org.ceo.id, org.director.id, org.manager.id, org.rep.id];
  const theirProjects = system.db.selectFrom('sales_projects').select('id').where('ownerId', 'in', people);
  const count = async (table: 'sales_projects' | 'milestones' | 'kpi_reports' | 'escalations') =>
    Number(
      (
        await system.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where(table === 'sales_projects' ? 'id' : 'projectId', 'in', theirProjects)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { projects: await count('sales_projects'), milestones: await count('milestones'), kpi: await count('kpi_reports'), escalations: await count('escalations') };
}

describe('project API input', () => {
  it("holds a new project's milestones to the rules of the plan's milestone route, naming each fault, and writes nothing", async () => {
    const org = await createOrgChart(system.app);
    const before = await rowCounts(org);
    const milestone = { name: 'Q1', dueAt: inSeconds(50), metric: 'revenue', targetValue: 100, ownerId: org.rep.id };
    const res = await call(system.app, 'POST', '/api/projects', {
      name: `Rules ${randomUUID().slice(0, 8)}`,
      ownerId: org.rep.id,
      periodStart: inSeconds(-10),
      periodEnd: inSeconds(100),
      milestones: [
        { ...milestone, targetValue: -5 },
        { ...milestone, name: 'Q3', warningThresholdPct: 150 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'milestones.0.targetValue', message: 'cannot be negative' },
        { path: 'milestones.1.warningThresholdPct', message: 'must be a percentage from 0 to 100' },
      ]),
    );
    // Rules beyond the body's shape (owners, the period, the calendar) are the milestone route's too.
    const unknownOwner = await call(system.app, 'POST', '/api/projects', {
      name: `Rules ${randomUUID().slice(0, 8)}`,
      ownerId: org.rep.id,
      periodStart: inSeconds(-10),
      periodEnd: inSeconds(100),
      milestones: [milestone, { ...milestone, name: 'Q2', ownerId: randomUUID() }],
    });
    expect(unknownOwner.status, JSON.stringify(unknownOwner.body)).toBe(400);
    expect(unknownOwner.body.error.details).toEqual([{ path: 'milestones.1.ownerId', message: expect.stringContaining('no user') }]);
    expect(await rowCounts(org)).toEqual(before);
  });

  it('refuses a malformed project with 400, names every faulty field and writes nothing', async () => {
    const org = await createOrgChart(system.app);
    const before = await rowCounts(org);
    const res = await call(system.app, 'POST', '/api/projects', {
      name: '',
      ownerId: 'not-a-uuid',
      periodStart: '2027-01-01',
      periodEnd: inSeconds(100),
      milestones: [{ name: 'Q1', dueAt: inSeconds(10), metric: 'revenue', targetValue: 'lots', ownerId: org.rep.id, colour: 'red' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'ownerId', 'periodStart', 'milestones.0.targetValue', 'milestones.0.colour']));
    expect(await rowCounts(org)).toEqual(before);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await call(system.app, 'POST', '/api/projects', '{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/JSON/i);
  });

  it('refuses a project whose period ends before it starts, or whose milestone falls outside it', async () => {
    const org = await createOrgChart(system.app);
    const before = await rowCounts(org);
    const res = await call(system.app, 'POST', '/api/projects', {
      name: 'Backwards',
      ownerId: org.rep.id,
      periodStart: inSeconds(100),
      periodEnd: inSeconds(50),
      milestones: [{ name: 'Late', dueAt: inSeconds(500), metric: 'revenue', targetValue: 1, ownerId: org.rep.id }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'periodEnd', message: 'must be after periodStart' },
        { path: 'milestones.0.dueAt', message: 'must fall within the project period' },
      ]),
    );
    expect(await rowCounts(org)).toEqual(before);
  });

  it('refuses references to people who do not exist, naming the field', async () => {
    const org = await createOrgChart(system.app);
    const ghost = randomUUID();
    const before = await rowCounts(org);
    const res = await call(system.app, 'POST', '/api/projects', {
      name: 'Ghost owned',
      ownerId: org.rep.id,
      periodStart: inSeconds(-10),
      periodEnd: inSeconds(100),
      milestones: [{ name: 'M', dueAt: inSeconds(50), metric: 'revenue', targetValue: 1, ownerId: ghost }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'milestones.0.ownerId', message: `no user with id ${ghost}` }]);
    expect(await rowCounts(org)).toEqual(before);
  });

  it('answers 404 for unknown projects, users and escalations', async () => {
    const id = randomUUID();
    expect((await call(system.app, 'GET', `/api/projects/${id}`)).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/users/${id}/inbox`)).status).toBe(404);
    const kpi = await call(system.app, 'POST', `/api/projects/${id}/kpi-reports`, { metric: 'revenue', value: 1 });
    expect(kpi.status).toBe(404);
    const ack = await call(system.app, 'POST', `/api/escalations/${id}/ack`, {});
    expect(ack.status).toBe(404);
  });

  it('refuses a KPI report with a bad value and records nothing', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 300, submit: false });
    const before = await rowCounts(org);
    const res = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: '12,5' }, { as: org.rep });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('value');
    expect(await rowCounts(org)).toEqual(before);
  });

  it('refuses a KPI figure its metric cannot have, in the reader’s language, and takes a negative revenue (a refund)', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 300, submit: false });
    const before = await rowCounts(org);
    const report = (metric: string, value: string, headers: Record<string, string> = {}) => call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric, value }, { as: org.rep, headers });
    // The project tracks revenue only; the figure is checked before the metric is.
    const negative = await report('new_customers', '-2');
    expect([negative.status, negative.body.error.details]).toEqual([400, [{ path: 'value', message: 'cannot be negative' }]]);
    const share = await report('market_share', '120', { 'accept-language': 'zh-CN' });
    expect([share.status, share.body.error.details[0].path]).toEqual([400, 'value']);
    expect(share.body.error.details[0].message).toMatch(/0.*100/);
    expect(share.body.error.details[0].message).not.toContain('percentage');
    expect(await rowCounts(org)).toEqual(before);
    expect((await report('revenue', '-5000')).status).toBe(201);
  });

  it('refuses a KPI report dated in the future, as the CSV import does, naming the field and recording nothing', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 300, submit: false });
    const before = await rowCounts(org);
    const ahead = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const res = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: '85000', reportedAt: ahead }, { as: org.rep });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'reportedAt', message: 'is in the future; a KPI figure is reported for a time that has come' }]);
    expect(await rowCounts(org)).toEqual(before);
    const earlier = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: '85000', reportedAt: new Date(Date.now() - 60_000).toISOString() }, { as: org.rep });
    expect(earlier.status).toBe(201);
    await system.client.workflow.getHandle(`sales-project-${p.id}`).terminate('test cleanup');
  });

  it('refuses to start a project’s lifecycle a second time', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 300, submit: false });
    await expect(startLifecycle(system.client, system.taskQueue, p.id)).rejects.toMatchObject({ status: 409 });
    await system.client.workflow.getHandle(`sales-project-${p.id}`).terminate('test cleanup');
  });

  it('shows a new project’s lifecycle from the database, with no worker running to answer for it', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 300, submit: false });
    // This file runs no worker: the row written with the project is what the page reads.
    const detail = await call(system.app, 'GET', `/api/projects/${p.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lifecycle).toEqual({ phase: 'planning', nextChecks: [], runningFlows: [], planRejection: null, planSubmitted: false, outcome: null, nextReviewAt: null });
    await system.client.workflow.getHandle(`sales-project-${p.id}`).terminate('test cleanup');
  });

  it('asks the workflow of a project that has no lifecycle row (started before there were any), and says why when it cannot answer', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 300, submit: false });
    await system.db.deleteFrom('project_lifecycles').where('projectId', '=', p.id).execute();
    const detail = await call(system.app, 'GET', `/api/projects/${p.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lifecycle.phase).toBeNull();
    expect(detail.body.lifecycle.unavailable).toEqual(expect.any(String));
    await system.client.workflow.getHandle(`sales-project-${p.id}`).terminate('test cleanup');
  });

  it('describes itself as OpenAPI 3.1', async () => {
    const res = await call(system.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/projects', '/api/projects/{id}', '/api/projects/{id}/kpi-reports', '/api/users/{id}/inbox', '/api/escalations/{id}/ack']),
    );
  });
});
