import { expect, it } from 'vitest';
import { compileReport } from '../../../activities/retrospective/compile-report';
import { insertKpiReport } from '../../../db/queries/kpi-reports';
import { call } from '../../support/http';
import { createUser } from '../../support/people';
import { createPlanProject, revenueGoal2027, year2027 } from '../../support/sales-plan';
import { useSystem } from '../../support/system';

const system = useSystem({ worker: false });

it("ranks every member by the headline goal's KPI, with 0 for who reported nothing, however often another metric was reported", async () => {
  const owner = await createUser(system.app, 'Olga');
  const raj = await createUser(system.app, 'Raj');
  const rosa = await createUser(system.app, 'Rosa');
  const watcher = await createUser(system.app, 'Watcher');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  expect((await call(system.app, 'POST', `/api/projects/${project.id}/goals`, revenueGoal2027)).status).toBe(201);
  const members = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, {
    members: [
      { userId: raj.id, role: 'member' },
      { userId: rosa.id, role: 'member' },
      { userId: watcher.id, role: 'viewer' },
    ],
  });
  expect(members.status, JSON.stringify(members.body)).toBe(200);

  const report = (reporterId: string, metric: string, value: string) =>
    insertKpiReport(system.db, { projectId: project.id, reporterId, metric, value, reportedAt: new Date('2027-03-01T00:00:00+08:00') });
  await report(raj.id, 'revenue', '50000');
  // Reports of a metric no goal tracks, more of them than of revenue (kept from before such
  // reports were refused): they rank nobody.
  for (let i = 0; i < 3; i++) await report(raj.id, 'no_such_goal_metric', '123');

  const { members: ranked } = await compileReport(system.db, project.id, new Date('2027-06-01T00:00:00+08:00'));
  expect(ranked.map((m) => [m.name, m.total, m.rank])).toEqual([
    ['Raj', '50000', 1],
    ['Olga', '0', 2],
    ['Rosa', '0', 2],
  ]);
});
