import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crosses } from '../../api/kpi-crossing';
import { bind, createOrgChart, createProject, inSeconds, notifyOwnerFlow, publishFlow, type OrgChart } from '../support/factories';
import { kpiCrossingRaised } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();

/** A planning project of the rep's with a revenue goal of 1,000 over a period that includes now. */
async function projectWithGoal(org: OrgChart): Promise<{ id: string }> {
  const period = { start: inSeconds(-86_400), end: inSeconds(30 * 86_400) };
  const project = await createProject(system.app, org.rep.id, 'KPI', { periodStart: period.start, periodEnd: period.end });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, {
    metric: 'revenue',
    unit: 'CNY',
    target: 1000,
    period,
  });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  return project;
}

async function watch(org: OrgChart, direction: 'above' | 'below', threshold: number, extra: Record<string, unknown> = {}) {
  const project = await projectWithGoal(org);
  const subject = `Revenue ${direction} ${threshold} ${randomUUID()}`;
  const flow = notifyOwnerFlow(
    { event: 'kpi_threshold_crossed', metric: 'revenue', direction, threshold, ...extra },
    subject,
    '{{kpi.goal}} went from {{kpi.before}} % to {{kpi.after}} % ({{kpi.direction}} {{kpi.threshold}} %), reported by {{kpi.reportedBy.name}}. Business days left: {{kpi.businessDaysLeft}}',
  );
  await bind(system.app, 'kpi_threshold_crossed', project.id, await publishFlow(system.app, flow));
  return { project, subject };
}

async function report(projectId: string, value: number): Promise<string> {
  const res = await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const raised = (projectId: string, reportId: string) => kpiCrossingRaised(system, projectId, reportId);

const kpiRuns = (projectId: string) =>
  system.db.selectFrom('flow_runs').select(['subjectId', 'status']).where('projectId', '=', projectId).where('triggerEvent', '=', 'kpi_threshold_crossed').execute();

async function messages(userId: string, subject: string): Promise<string[]> {
  const inbox = (await call(system.app, 'GET', `/api/users/${userId}/inbox`)).body as { payload: { subject?: string; message?: string } }[];
  return inbox.filter((item) => item.payload.subject === subject).map((item) => item.payload.message ?? '');
}

describe('crossing a threshold', () => {
  it('counts only a move from one side to the other: up to or past it for above, below it from at or above for below', () => {
    expect(crosses('above', 50, 49.99, 50)).toBe(true);
    expect(crosses('above', 50, 50, 60)).toBe(false);
    expect(crosses('above', 50, 10, 40)).toBe(false);
    expect(crosses('above', 50, 60, 40)).toBe(false);
    expect(crosses('below', 50, 50, 49.99)).toBe(true);
    expect(crosses('below', 50, 49, 10)).toBe(false);
    expect(crosses('below', 50, 40, 60)).toBe(false);
  });
});

describe('KPI threshold triggers on the real engine', () => {
  it("runs the bound flow once when a report lifts the goal's attainment across the threshold, with before, after and threshold in its context, and never for a report that crosses nothing", async () => {
    const org = await createOrgChart(system.app);
    const { project, subject } = await watch(org, 'above', 50);
    const first = await report(project.id, 100); // 0 → 10 %
    const crossing = await report(project.id, 450); // 10 → 55 %
    const beyond = await report(project.id, 100); // 55 → 65 %
    expect([await raised(project.id, first), await raised(project.id, crossing), await raised(project.id, beyond)]).toEqual([false, true, false]);

    const [message] = await eventually(async () => {
      const found = await messages(org.rep.id, subject);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(message).toMatch(/^Revenue\b.* went from 10 % to 55 % \(above 50 %\), reported by \S.*\. Business days left: \d+$/);
    // The message is out before the run has finished; it finishes as the one run for the crossing.
    await eventually(async () => expect(await kpiRuns(project.id)).toEqual([{ subjectId: crossing, status: 'completed' }]));
  });

  it('runs the flow bound to a fall below the threshold once, when attainment drops under it', async () => {
    const org = await createOrgChart(system.app);
    const { project, subject } = await watch(org, 'below', 50);
    const up = await report(project.id, 600); // 0 → 60 %: not a fall
    const down = await report(project.id, -200); // 60 → 40 %
    const further = await report(project.id, -100); // 40 → 30 %: already below
    expect([await raised(project.id, up), await raised(project.id, down), await raised(project.id, further)]).toEqual([false, true, false]);
    await eventually(async () => expect(await messages(org.rep.id, subject)).toEqual([expect.stringContaining('from 60 % to 40 % (below 50 %)')]));
  });

  it('raises once for a CSV import whose rows together cross the threshold, not once per row', async () => {
    const org = await createOrgChart(system.app);
    const { project, subject } = await watch(org, 'above', 50);
    const now = new Date(Date.now() - 60_000).toISOString();
    const csv = ['metric,value,reported_at,reporter_email', ...Array.from({ length: 8 }, () => `revenue,100,${now},${org.rep.email}`)].join('\n');
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await eventually(async () => expect(await kpiRuns(project.id)).toEqual([expect.objectContaining({ status: 'completed' })]));
    expect(await messages(org.rep.id, subject)).toEqual([expect.stringContaining('from 0 % to 80 % (above 50 %)')]);
  });

  it('raises exactly once when two reports arrive together and only their sum crosses', async () => {
    const org = await createOrgChart(system.app);
    const { project, subject } = await watch(org, 'above', 50);
    const ids = await Promise.all([report(project.id, 300), report(project.id, 300)]); // 0 → 30 → 60 %, in either order
    const raises = await Promise.all(ids.map((id) => raised(project.id, id)));
    expect(raises.filter(Boolean)).toHaveLength(1);
    await eventually(async () => expect(await messages(org.rep.id, subject)).toEqual([expect.stringContaining('from 30 % to 60 %')]));
    expect(await kpiRuns(project.id)).toHaveLength(1);
  });

  it('raises only when fewer business days are left in the goal period than the trigger says', async () => {
    // The goal period ends in 30 days: about 21 business days of the default calendar.
    const org = await createOrgChart(system.app);
    const early = await watch(org, 'above', 50, { fewerBusinessDaysLeftThan: 5 });
    const late = await watch(org, 'above', 50, { fewerBusinessDaysLeftThan: 40 });
    const notYet = await report(early.project.id, 600);
    const inTime = await report(late.project.id, 600);
    expect([await raised(early.project.id, notYet), await raised(late.project.id, inTime)]).toEqual([false, true]);
    const [message] = await eventually(async () => {
      const found = await messages(org.rep.id, late.subject);
      expect(found).toHaveLength(1);
      return found;
    });
    const left = Number(message?.match(/Business days left: (\d+)$/)?.[1]);
    expect(left).toBeGreaterThanOrEqual(19);
    expect(left).toBeLessThan(40);
  });
});
