import { describe, expect, it } from 'vitest';
import type { App } from '../../api/app';
import { call, created } from '../support/http';
import { admin, type Identity } from '../support/identities';
import { createPlanProject, createUser, planCounts, setPhase } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

const year2025 = { periodStart: '2025-01-01T00:00:00+08:00', periodEnd: '2026-01-01T00:00:00+08:00' };

async function postCsv(app: App, projectId: string, csv: string, as: Identity = admin()) {
  const response = await app.request(`/api/projects/${projectId}/kpi-reports/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${as.token}` },
    body: csv,
  });
  return { status: response.status, body: await response.json() };
}

/** A 2025 project of Ann's with a revenue goal, Bob reporting as a member and Vic watching. */
async function setup() {
  const ann = await createUser(system.app, 'Ann');
  const bob = await createUser(system.app, 'Bob');
  const vic = await createUser(system.app, 'Vic');
  const project = await createPlanProject(system.db, { ownerId: ann.id, ...year2025 });
  await created(
    system.app,
    `/api/projects/${project.id}/goals`,
    { metric: 'revenue', unit: 'CNY', target: 1_000_000, period: { start: year2025.periodStart, end: year2025.periodEnd } },
    { as: ann },
  );
  const members = await call(
    system.app,
    'PUT',
    `/api/projects/${project.id}/members`,
    {
      members: [
        { userId: ann.id, role: 'owner' },
        { userId: bob.id, role: 'member' },
        { userId: vic.id, role: 'viewer' },
      ],
    },
    { as: ann },
  );
  expect(members.status, JSON.stringify(members.body)).toBe(200);
  return { ann, bob, vic, project };
}

describe('KPI CSV import', () => {
  it('imports nothing from a CSV with one bad row, and names the row and column', async () => {
    const { ann, bob, project } = await setup();
    const csv = [
      'metric,value,reported_at,reporter_email',
      `revenue,120000,2025-02-10,${ann.email}`,
      `revenue,12 000,2025-02-11,${bob.email}`,
      `revenue,80000,2025-02-12T17:30+08:00,${bob.email}`,
    ].join('\n');
    const res = await postCsv(system.app, project.id, csv, ann);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_csv');
    expect(res.body.error.message).toBe('The CSV has 1 problem; nothing was imported.');
    expect(res.body.error.details).toEqual([{ path: 'row 3.value', code: 'value', message: expect.stringContaining("value '12 000' is not a number") }]);
    expect((await planCounts(system.db, project.id)).kpi_reports).toBe(0);
  });

  it('imports every row of a text/csv upload in the project’s time zone', async () => {
    const { ann, bob, project } = await setup();
    const csv = [
      'Reporter_Email,Metric,Value,Reported_At',
      `${ann.email.toUpperCase()},revenue,120000.50,2025-02-10`,
      '',
      `${bob.email},revenue,80000,2025-02-12 17:30`,
    ].join('\r\n');
    const res = await postCsv(system.app, project.id, csv, ann);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ imported: 2, metrics: [{ metric: 'revenue', count: 2, total: '200000.5' }], raisedRiskIds: [] });
    const rows = await system.db.selectFrom('kpi_reports').selectAll().where('projectId', '=', project.id).orderBy('reportedAt').execute();
    expect(rows.map((r) => [r.reporterId, r.value, r.reportedAt.toISOString()])).toEqual([
      [ann.id, '120000.50', '2025-02-09T16:00:00.000Z'],
      [bob.id, '80000', '2025-02-12T09:30:00.000Z'],
    ]);
  });

  it('takes JSON { csv } too, and reports every bad row: unknown metric, outsider, future date, missing column', async () => {
    const { ann, project } = await setup();
    const outsider = await createUser(system.app, 'Outsider');
    const csv = [
      'metric,value,reported_at,reporter_email',
      `revenu,1,2025-03-01,${ann.email}`,
      `revenue,1,2025-03-01,${outsider.email}`,
      `revenue,1,2999-01-01,${ann.email}`,
      `revenue,1,2025-03-01`,
    ].join('\n');
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv }, { as: ann });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['row 2.metric', 'row 3.reporter_email', 'row 4.reported_at', 'row 5']);
    const header = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv: 'metric,amount\nrevenue,1' }, { as: ann });
    expect(header.status).toBe(400);
    expect(header.body.error.details.map((d: { path: string }) => d.path)).toEqual(['row 1.header', 'row 1.value', 'row 1.reported_at', 'row 1.reporter_email']);
    const empty = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv: '' }, { as: ann });
    expect(empty.status).toBe(400);
    expect((await planCounts(system.db, project.id)).kpi_reports).toBe(0);
  });

  it('refuses a metric the project does not track alike in one report and in a CSV row, naming the metrics it tracks', async () => {
    const { ann, project } = await setup();
    await setPhase(system.db, project.id, 'execution');
    const single = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'no_such_goal_metric', value: 123 }, { as: ann });
    expect(single.status, JSON.stringify(single.body)).toBe(400);
    expect(single.body.error.details).toEqual([{ path: 'metric', message: "'no_such_goal_metric' is not one of the metrics this project tracks: revenue" }]);
    const csv = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv: `metric,value,reported_at,reporter_email\nno_such_goal_metric,123,2025-03-01,${ann.email}` }, { as: ann });
    expect(csv.status).toBe(400);
    expect(csv.body.error.details.map((d: { path: string }) => d.path)).toEqual(['row 2.metric']);
    expect((await planCounts(system.db, project.id)).kpi_reports).toBe(0);
    expect((await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'revenue', value: 123 }, { as: ann })).status).toBe(201);
  });

  it('lets a member import their own figures but not a teammate’s, and a viewer none', async () => {
    const { ann, bob, vic, project } = await setup();
    const own = await postCsv(system.app, project.id, `metric,value,reported_at,reporter_email\nrevenue,5000,2025-03-01,${bob.email}`, bob);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const forged = await postCsv(system.app, project.id, `metric,value,reported_at,reporter_email\nrevenue,1,2025-03-02,${bob.email}\nrevenue,1,2025-03-02,${ann.email}`, bob);
    expect(forged.status).toBe(400);
    expect(forged.body.error.details).toEqual([{ path: 'row 3.reporter_email', code: 'reporter_email', message: expect.stringContaining('your own e-mail') }]);
    const watched = await postCsv(system.app, project.id, `metric,value,reported_at,reporter_email\nrevenue,1,2025-03-02,${vic.email}`, vic);
    expect(watched.status).toBe(403);
    expect(watched.body.error.code).toBe('forbidden');
    const rows = await system.db.selectFrom('kpi_reports').select(['reporterId', 'value']).where('projectId', '=', project.id).execute();
    expect(rows).toEqual([{ reporterId: bob.id, value: '5000' }]);
  });

  it('refuses imports once the results are frozen', async () => {
    const { ann, project } = await setup();
    await setPhase(system.db, project.id, 'closing_review');
    const res = await postCsv(system.app, project.id, `metric,value,reported_at,reporter_email\nrevenue,1,2025-03-01,${ann.email}`, ann);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('results_frozen');
    expect((await planCounts(system.db, project.id)).kpi_reports).toBe(0);
  });
});
