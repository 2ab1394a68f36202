import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { flowScheduleId } from '../../api/flow-schedules';
import { triggerEvents, type TriggerEvent } from '../../workflows/flow/trigger-events';
import { bind, createOrgChart, createProject, inSeconds, notifyOwnerFlow, publishFlow, startExecution, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();

interface Scene {
  org: OrgChart;
  /** Binds, to this project only, a flow on `event` that tells the owner the scene's subject. */
  bindNotifying(projectId: string, trigger: { event: TriggerEvent } & Record<string, unknown>): Promise<string>;
  project(extra?: Record<string, unknown>): Promise<{ id: string; milestones: { id: string }[] }>;
}

/**
 * How each trigger event is made to happen for real. A new event without a scenario here does not
 * compile (and the first test below fails if one is left out at run time).
 */
const scenarios = {
  async plan_submitted({ org, project, bindNotifying }) {
    const p = await project();
    await bindNotifying(p.id, { event: 'plan_submitted' });
    const submitted = await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  },
  async milestone_at_risk({ org, project, bindNotifying }) {
    // Nothing reported when the warning time comes: behind plan.
    const p = await project({
      periodEnd: inSeconds(120),
      milestones: [{ name: 'Soon', dueAt: inSeconds(12), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id, warningOffset: { amount: 6, unit: 'seconds' } }],
    });
    await bindNotifying(p.id, { event: 'milestone_at_risk' });
    await startExecution(system.app, p.id, org.rep);
  },
  async milestone_missed({ org, project, bindNotifying }) {
    const p = await project({ periodEnd: inSeconds(120), milestones: [{ name: 'Now', dueAt: inSeconds(6), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }] });
    await bindNotifying(p.id, { event: 'milestone_missed' });
    await startExecution(system.app, p.id, org.rep);
  },
  async change_requested({ org, project, bindNotifying }) {
    const p = await project();
    await startExecution(system.app, p.id, org.rep);
    await bindNotifying(p.id, { event: 'change_requested' });
    const change = await call(
      system.app,
      'POST',
      `/api/projects/${p.id}/change-requests`,
      { subjectKind: 'milestone', subjectId: p.milestones[0]!.id, field: 'due_at', after: inSeconds(7000), reason: 'The customer asked for more time' },
      { as: org.rep },
    );
    expect(change.status, JSON.stringify(change.body)).toBe(201);
  },
  async kpi_threshold_crossed({ project, bindNotifying }) {
    const p = await project();
    const goal = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 1000, period: periodOf(p) });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    await bindNotifying(p.id, { event: 'kpi_threshold_crossed', metric: 'revenue', direction: 'above', threshold: 50 });
    const reported = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 600 });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  },
  async project_closed({ org, project, bindNotifying }) {
    const p = await project();
    await bindNotifying(p.id, { event: 'project_closed' });
    const closed = await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'cancelled' }, { as: org.rep });
    expect(closed.status, JSON.stringify(closed.body)).toBeLessThan(300);
  },
  async schedule({ project, bindNotifying }) {
    const p = await project();
    // Once a year, so only the trigger below fires within the test; the schedules suite waits for
    // natural firings. This is the real Temporal Schedule the binding made, told to fire now.
    await bindNotifying(p.id, { event: 'schedule', cron: '0 9 1 1 *' });
    scheduled.add(p.id);
    await system.client.schedule.getHandle(flowScheduleId(system.taskQueue, p.id)).trigger();
  },
  async forecast_below_threshold({ project, bindNotifying }) {
    const p = await project();
    const goal = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 1000, period: periodOf(p) });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    await bindNotifying(p.id, { event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: ['goal'] });
    // An hour into thirty days about 1.4 was planned: 0.1 is far behind it.
    const reported = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 0.1 });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  },
  async training_overdue({ org, project, bindNotifying }) {
    // The item's date was two days ago and nobody completed it: its timer checks at once.
    const p = await project({ periodStart: inSeconds(-3 * 86_400) });
    await bindNotifying(p.id, { event: 'training_overdue' });
    const item = await call(
      system.app,
      'POST',
      `/api/projects/${p.id}/training`,
      { topic: 'Value selling', kind: 'internal', trainerId: org.manager.id, date: inSeconds(-2 * 86_400), attendeeIds: [org.rep.id] },
    );
    expect(item.status, JSON.stringify(item.body)).toBe(201);
  },
  async incentive_earned({ org, project, bindNotifying }) {
    // The rep holds the whole revenue goal as their quota; 10 % of what they sell is theirs.
    const p = await project();
    const goal = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 1000, period: periodOf(p) });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    expect((await call(system.app, 'PUT', `/api/projects/${p.id}/goals/${goal.body.id}/allocation`, { granularity: 'month', shares: [{ userId: org.rep.id, weight: 1 }] })).status).toBe(200);
    const rules = await call(system.app, 'PUT', `/api/projects/${p.id}/incentives/rules`, { commission: { tiers: [{ fromPct: 0, toPct: null, rate: '0.1' }] } });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    await bindNotifying(p.id, { event: 'incentive_earned' });
    const reported = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 600 }, { as: org.rep });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  },
} satisfies Record<TriggerEvent, (scene: Scene) => Promise<void>>;

const periods = new Map<string, { start: string; end: string }>();
/** Projects whose schedule binding is removed after its test (which deletes the Schedule). */
const scheduled = new Set<string>();
const periodOf = (p: { id: string }) => periods.get(p.id)!;

async function scene(subject: string): Promise<Scene> {
  const org = await createOrgChart(system.app);
  return {
    org,
    async project(extra = {}) {
      const period = { start: inSeconds(-3600), end: inSeconds(30 * 86_400) };
      const project = await createProject<{ id: string; milestones: { id: string }[] }>(system.app, org.rep.id, 'Trigger', {
        periodStart: period.start,
        periodEnd: period.end,
        monitoringDays: 0,
        milestones: [{ name: 'Later', dueAt: inSeconds(20 * 86_400), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
        ...extra,
      });
      periods.set(project.id, { start: period.start, end: (extra.periodEnd as string | undefined) ?? period.end });
      return project;
    },
    async bindNotifying(projectId, trigger) {
      const flowId = await publishFlow(system.app, notifyOwnerFlow(trigger, subject, `{{project.name}}: ${trigger.event}`));
      await bind(system.app, trigger.event, projectId, flowId);
      return flowId;
    },
  };
}

describe('every trigger event starts its bound flow on the real engine', () => {
  it('has a scenario for each event of the flow language', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...triggerEvents].sort());
  });

  it.concurrent.each([...triggerEvents])(
    'runs the flow bound to %s, which tells the project owner',
    async (event) => {
      const subject = `${event} ${randomUUID()}`;
      const s = await scene(subject);
      await scenarios[event](s);
      await eventually(
        async () => {
          const inbox = (await call(system.app, 'GET', `/api/users/${s.org.rep.id}/inbox`)).body as { payload: { subject?: string } }[];
          expect(inbox.map((item) => item.payload.subject)).toContain(subject);
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      const runs = await system.db
        .selectFrom('flow_runs as r')
        .innerJoin('sales_projects as p', 'p.id', 'r.projectId')
        .select(['r.triggerEvent', 'r.status'])
        .where('p.ownerId', '=', s.org.rep.id)
        .where('r.triggerEvent', '=', event)
        .execute();
      expect(runs).toEqual([{ triggerEvent: event, status: expect.stringMatching(/running|completed/) }]);
      for (const projectId of event === 'schedule' ? scheduled : []) {
        expect((await call(system.app, 'DELETE', `/api/flow-bindings?triggerEvent=schedule&projectId=${projectId}`)).status).toBe(200);
        scheduled.delete(projectId);
      }
    },
    120_000,
  );
});
