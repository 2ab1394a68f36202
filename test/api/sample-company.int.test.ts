import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { salesProjectWorkflowId } from '../../workflows/task-queue';
import { call, eventually } from '../support/http';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';
import { useSystem } from '../support/system';
import { sampleWords } from '../../api/sample-company/sample-words';

// A database of this file's own, as a first start leaves it: the sample is about what an instance
// holds, which the suite's shared database cannot show.
const system = useSystem(useFreshInstance('sample_company'));
const personWithToken = createPersonIn;

/** Every row of the tables a sample could reach, to compare before loading and after removing. */
async function everything(db: Db) {
  const tables = ['users', 'sales_projects', 'milestones', 'goals', 'kpi_reports', 'project_members', 'flows', 'flow_versions', 'flow_bindings', 'flow_runs', 'approval_requests', 'escalations', 'inbox_items', 'tasks', 'teams', 'team_members', 'api_tokens'] as const;
  const rows = await Promise.all(tables.map(async (table) => [table, (await db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort()] as const));
  return Object.fromEntries(rows);
}

describe('the sample company', () => {
  it('loads three levels of people under the person loading it, the annual plan in execution and a plan waiting for them, and removing it leaves everything else as it was', { timeout: 180_000 }, async () => {
    const admin = await personWithToken(system.db, 'Ada Admin', 'admin');
    // Something real first: a person and their project, which the sample must not touch.
    const rep = await call(system.app, 'POST', '/api/users', { name: 'Real Rep', email: 'real.rep@example.com', managerId: admin.id, role: 'member' }, { as: admin });
    expect(rep.status, JSON.stringify(rep.body)).toBe(201);
    const real = await call(system.app, 'POST', '/api/projects', {
      name: 'A real project',
      ownerId: rep.body.id,
      periodStart: new Date().toISOString(),
      periodEnd: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      milestones: [{ name: 'Real milestone', metric: 'revenue', targetValue: 100, dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), ownerId: rep.body.id }],
    }, { as: admin });
    expect(real.status, JSON.stringify(real.body)).toBe(201);
    expect((await call(system.app, 'GET', '/api/sample-company', undefined, { as: admin })).body).toEqual({ loaded: false, instanceEmpty: false, people: 0, projects: 0, marks: null });
    const before = await everything(system.db);

    const loaded = await call(system.app, 'POST', '/api/sample-company', undefined, { as: admin });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    expect(loaded.body).toMatchObject({ annualPlanApproved: true });
    expect(loaded.body.people).toHaveLength(7);
    const [annual, push] = loaded.body.projects as { id: string; name: string }[];

    // Three levels: the head of sales under the admin, two managers under the head, two reps each.
    const people = (await call(system.app, 'GET', '/api/users', undefined, { as: admin })).body as { id: string; name: string; managerId: string | null }[];
    const sample = people.filter((p) => p.name.endsWith('(sample)'));
    const head = sample.find((p) => p.managerId === admin.id)!;
    const managers = sample.filter((p) => p.managerId === head.id);
    expect(managers).toHaveLength(2);
    for (const manager of managers) expect(sample.filter((p) => p.managerId === manager.id)).toHaveLength(2);

    // The annual plan runs: months already over are met, the deal due in two days is at risk.
    await eventually(async () => {
      const project = (await call(system.app, 'GET', `/api/projects/${annual!.id}`, undefined, { as: admin })).body;
      expect(project.phase).toBe('execution');
      expect(project.milestones.some((m: { status: string }) => m.status === 'met')).toBe(true);
      expect(project.milestones.every((m: { status: string }) => m.status !== 'missed')).toBe(true);
      expect(project.milestones.find((m: { name: string }) => m.name === sampleWords.en.dealMilestoneName)).toMatchObject({ status: 'pending' });
    });
    const dashboard = await call(system.app, 'GET', `/api/projects/${annual!.id}/dashboard`, undefined, { as: admin });
    expect(dashboard.status, JSON.stringify(dashboard.body)).toBe(200);
    // The other plan waits for the admin's approval, in their inbox.
    await eventually(async () => {
      const requests = (await call(system.app, 'GET', `/api/users/${admin.id}/approvals`, undefined, { as: admin })).body as { projectId: string; status: string }[];
      expect(requests.filter((r) => r.status === 'pending').map((r) => r.projectId)).toEqual([push!.id]);
    });
    expect((await call(system.app, 'GET', '/api/sample-company', undefined, { as: admin })).body).toEqual({ loaded: true, instanceEmpty: false, people: 7, projects: 2, marks: { person: '(sample)', project: 'Sample: ' } });
    expect((await call(system.app, 'POST', '/api/sample-company', undefined, { as: admin })).status).toBe(409);

    const removed = await call(system.app, 'DELETE', '/api/sample-company', undefined, { as: admin });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toEqual({ people: 7, projects: 2 });
    expect(await everything(system.db)).toEqual(before);
    const lifecycle = await system.client.workflow.getHandle(salesProjectWorkflowId(annual!.id)).describe();
    expect(lifecycle.status.name).toBe('TERMINATED');
    expect((await call(system.app, 'GET', '/api/sample-company', undefined, { as: admin })).body).toEqual({ loaded: false, instanceEmpty: false, people: 0, projects: 0, marks: null });
    expect((await call(system.app, 'DELETE', '/api/sample-company', undefined, { as: admin })).status).toBe(404);
  });

  it('refuses to remove the sample while a real person reports to one of its managers, and removes nothing', { timeout: 180_000 }, async () => {
    const ops = await personWithToken(system.db, 'Olga Ops', 'ops');
    const loaded = await call(system.app, 'POST', '/api/sample-company', undefined, { as: ops });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    const admin = await personWithToken(system.db, 'Alan Admin', 'admin');
    const manager = (loaded.body.people as { id: string; name: string }[])[1]!;
    const hire = await call(system.app, 'POST', '/api/users', { name: 'Real Hire', email: 'real.hire@example.com', managerId: manager.id }, { as: admin });
    expect(hire.status).toBe(201);

    const refused = await call(system.app, 'DELETE', '/api/sample-company', undefined, { as: ops });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Real Hire is not part of the sample but reports to someone in it');
    expect((await call(system.app, 'GET', '/api/sample-company', undefined, { as: ops })).body).toMatchObject({ loaded: true, people: 7, projects: 2 });

    expect((await call(system.app, 'PATCH', `/api/users/${hire.body.id}`, { managerId: null }, { as: admin })).status).toBe(200);
    expect((await call(system.app, 'DELETE', '/api/sample-company', undefined, { as: ops })).status).toBe(200);
    expect((await call(system.app, 'GET', `/api/users/${hire.body.id}`, undefined, { as: admin })).body).toMatchObject({ name: 'Real Hire', managerId: null });
  });
});
