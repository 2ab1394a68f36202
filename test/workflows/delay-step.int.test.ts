import { tsToMs } from '@temporalio/common/lib/time';
import { describe, expect, it } from 'vitest';
import { addBusinessDuration, businessCalendarSchema } from '../../workflows/domain/business-calendar';
import type { Duration } from '../../workflows/flow/duration';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { createOrgChart } from '../support/factories';
import { closeProject, flowRunOf, portsOf, runOnPlanSubmitted, runToTheEnd } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { inTurn } from '../support/flow-shapes';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY_MS = 86_400_000;

/** plan_submitted → delay → approved. */
const delayFlow = (duration: Duration): FlowDocument => inTurn('Delay step', [{ id: 'wait', kind: 'delay', config: { duration } }]);

/** The durable timers the run has started so far: when, and for how long. */
async function timersOf(workflowId: string) {
  const history = await system.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? [])
    .filter((event) => event.timerStartedEventAttributes)
    .map((event) => ({ startedAt: tsToMs(event.eventTime), fireAfterMs: tsToMs(event.timerStartedEventAttributes!.startToFireTimeout) }));
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the delay step on the real engine', () => {
  it('waits the calendar time it is given and then goes on', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, run } = await runToTheEnd(system, org, delayFlow({ amount: 3, unit: 'seconds' }));
    expect(portsOf(run, 'wait')).toEqual(['next']);
    const waited = run.path.find((step) => step.nodeId === 'wait')!;
    const ended = run.path.find((step) => step.nodeId === 'done')!;
    expect(Date.parse(ended.at) - Date.parse(waited.at)).toBeGreaterThanOrEqual(3_000);
    const [timer] = await timersOf(run.workflowId);
    expect(timer!.fireAfterMs).toBeGreaterThan(2_000);
    expect(timer!.fireAfterMs).toBeLessThanOrEqual(3_000);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('execution'));
    await closeProject(system, projectId, org.rep);
  });

  it('sets its timer by the project’s calendar: one business day starting on two holidays ends after them', async () => {
    const org = await createOrgChart(system.app);
    const now = Date.now();
    const calendar = businessCalendarSchema.parse({ timeZone: 'UTC', holidays: [isoDay(now), isoDay(now + DAY_MS)] });
    const { projectId } = await runOnPlanSubmitted(system, org, delayFlow({ amount: 1, unit: 'business_days' }), { calendar });
    const { workflowId } = await flowRunOf(system, projectId);
    const timer = await eventually(async () => {
      const [started] = await timersOf(workflowId);
      expect(started).toBeDefined();
      return started!;
    });

    const firesAt = timer.startedAt + timer.fireAfterMs;
    // Today and tomorrow are holidays, so the working day counted is the day after tomorrow at the
    // earliest (its end may be less than two days from now when the test runs after working hours).
    const dayAfterTomorrow = Date.parse(isoDay(now + 2 * DAY_MS));
    expect(firesAt).toBeGreaterThan(dayAfterTomorrow);
    // Any start inside those holidays gives the same end, so the calendar's own answer is exact.
    const expected = addBusinessDuration(calendar, new Date(timer.startedAt), { amount: 1, unit: 'business_days' }).getTime();
    expect(Math.abs(firesAt - expected)).toBeLessThan(1_000);
    expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('planning');
    await closeProject(system, projectId, org.rep);
  });
});
