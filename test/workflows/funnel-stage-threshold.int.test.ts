import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bind, createOrgChart, createProject, inSeconds, notifyOwnerFlow, publishFlow, type OrgChart } from '../support/factories';
import { kpiCrossingRaised } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();
const day = 86_400;

/**
 * A rep's project whose year began 200 days ago: a revenue goal of 5,000,000 at 50,000 a deal with
 * a 25 % win rate needs 400 qualified leads over the year, about 219 of them by now.
 */
async function projectWithFunnel(org: OrgChart) {
  const period = { start: inSeconds(-200 * day), end: inSeconds(165 * day) };
  const project = await createProject(system.app, org.rep.id, 'Funnel', { periodStart: period.start, periodEnd: period.end });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 5_000_000, period });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  const funnel = await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, {
    averageDeal: 50_000,
    stages: [{ key: 'qualified_leads', conversionRate: '0.25' }, { key: 'contracts' }],
  });
  expect(funnel.status, JSON.stringify(funnel.body)).toBe(200);
  return project;
}

async function report(projectId: string, value: number, reportedAt?: string): Promise<string> {
  const res = await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'qualified_leads', value, ...(reportedAt ? { reportedAt } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const raised = (projectId: string, reportId: string) => kpiCrossingRaised(system, projectId, reportId);

async function messages(userId: string, subject: string): Promise<string[]> {
  const inbox = (await call(system.app, 'GET', `/api/users/${userId}/inbox`)).body as { payload: { subject?: string; message?: string } }[];
  return inbox.filter((item) => item.payload.subject === subject).map((item) => item.payload.message ?? '');
}

describe('a funnel stage behind plan as a leading indicator', () => {
  it('raises the KPI-threshold trigger on the engine once, when a stage report finds the stage fallen below the threshold of its plan so far', async () => {
    const org = await createOrgChart(system.app);
    const project = await projectWithFunnel(org);
    const subject = `Leads behind plan ${randomUUID()}`;
    const flow = notifyOwnerFlow(
      { event: 'kpi_threshold_crossed', watch: 'funnel_stage', metric: 'qualified_leads', direction: 'below', threshold: 80 },
      subject,
      '{{kpi.goal}} went from {{kpi.before}} % to {{kpi.after}} % of plan ({{kpi.direction}} {{kpi.threshold}} %)',
    );
    await bind(system.app, 'kpi_threshold_crossed', project.id, await publishFlow(system.app, flow));

    // A month into the year 40 leads were ahead of the 33 or so planned; nothing to say then.
    const ahead = await report(project.id, 40, inSeconds(-170 * day));
    // Five more now, against some 219 planned by today: the stage has fallen behind since.
    const behind = await report(project.id, 5);
    const still = await report(project.id, 5);
    expect([await raised(project.id, ahead), await raised(project.id, behind), await raised(project.id, still)]).toEqual([false, true, false]);

    const [message] = await eventually(async () => {
      const found = await messages(org.rep.id, subject);
      expect(found).toHaveLength(1);
      return found;
    });
    const [, before, after] = /^qualified_leads went from ([\d.]+) % to ([\d.]+) % of plan \(below 80 %\)$/.exec(message!) ?? [];
    expect(Number(before)).toBeGreaterThan(100);
    expect(Number(after)).toBeLessThan(25);
    await eventually(async () =>
      expect(await system.db.selectFrom('flow_runs').select(['subjectId', 'status']).where('projectId', '=', project.id).where('triggerEvent', '=', 'kpi_threshold_crossed').execute()).toEqual([
        { subjectId: behind, status: 'completed' },
      ]),
    );

    const funnel = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    expect(funnel.body.progress[0]).toMatchObject({ key: 'qualified_leads', actualToDate: '50', behind: true });
  });

  it('raises once for a CSV of stage counts that leaves the stage behind its plan', async () => {
    const org = await createOrgChart(system.app);
    const project = await projectWithFunnel(org);
    const flow = notifyOwnerFlow({ event: 'kpi_threshold_crossed', watch: 'funnel_stage', metric: 'qualified_leads', direction: 'below', threshold: 80 }, `Leads ${randomUUID()}`);
    await bind(system.app, 'kpi_threshold_crossed', project.id, await publishFlow(system.app, flow));
    await report(project.id, 40, inSeconds(-170 * day));
    const now = inSeconds(-60);
    const csv = ['metric,value,reported_at,reporter_email', ...Array.from({ length: 3 }, () => `qualified_leads,2,${now},${org.rep.email}`)].join('\n');
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await eventually(async () =>
      expect(await system.db.selectFrom('flow_runs').select('status').where('projectId', '=', project.id).where('triggerEvent', '=', 'kpi_threshold_crossed').execute()).toEqual([{ status: 'completed' }]),
    );
  });

  it('leaves a flow watching the goal alone when only stage counts are reported', async () => {
    const org = await createOrgChart(system.app);
    const project = await projectWithFunnel(org);
    const flow = notifyOwnerFlow({ event: 'kpi_threshold_crossed', metric: 'revenue', direction: 'below', threshold: 80 }, `Revenue ${randomUUID()}`);
    await bind(system.app, 'kpi_threshold_crossed', project.id, await publishFlow(system.app, flow));
    await report(project.id, 40, inSeconds(-170 * day));
    const later = await report(project.id, 5);
    expect(await raised(project.id, later)).toBe(false);
  });
});
