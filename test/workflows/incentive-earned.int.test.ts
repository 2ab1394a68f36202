import { describe, expect, it } from 'vitest';
import { bind, createOrgChart, createProject, inSeconds, publishFlow } from '../support/factories';
import { closingReviewOf } from '../support/flow-runs';
import { call, created, eventually } from '../support/http';
import type { Identity } from '../support/identities';
import { managerThenFinanceFlow } from '../support/incentive-approval-flow';
import { createUser, type Person } from '../support/people';
import { useSystem } from '../support/system';
import { recordHistory } from '../support/histories';
import { incentivePayoutWorkflowId } from '../../workflows/task-queue';

const system = useSystem();

/** The person's own pending requests, as they see them. */
const pending = async (person: Person) =>
  eventually(async () => {
    const res = await call(system.app, 'GET', `/api/users/${person.id}/approvals?status=pending`, undefined, { as: person });
    expect(res.body).toHaveLength(1);
    return res.body as { id: string; flowRunId: string }[];
  });
const decide = async (requestId: string, as: Identity, decision: 'approve' | 'reject') => {
  const res = await call(system.app, 'POST', `/api/approvals/${requestId}/decision`, { decision, ...(decision === 'reject' ? { comment: 'Above this quarter’s incentive budget' } : {}) }, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('incentive earned in a test run of the designer', () => {
  it('gives the drawn approval a sample payout above the finance amount, so the manager and then finance are asked', async () => {
    const org = await createOrgChart(system.app);
    const finance = await createUser(system.app, 'Finance', org.ceo.id);
    const project = await createProject(system.app, org.rep.id, 'Incentive test run');
    const flowId = await publishFlow(system.app, managerThenFinanceFlow(finance.id, 1000));
    const run = await call(system.app, 'POST', `/api/flows/${flowId}/simulate`, {
      version: 1,
      projectId: project.id,
      responses: [{ nodeId: 'manager', answer: 'approve' }, { nodeId: 'finance', answer: 'approve' }],
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({ status: 'completed', result: 'approved' });
    const asked = (run.body.timeline as { effect?: { kind: string; subject?: string; to?: { id: string } } }[]).filter((e) => e.effect?.kind === 'message').map((e) => e.effect);
    expect(asked).toMatchObject([
      { subject: 'Incentive for A sample member: 5000', to: { id: org.manager.id } },
      { subject: 'Finance: incentive of 5000', to: { id: finance.id } },
    ]);
    // A test run writes nothing: no payout, no request.
    expect(await system.db.selectFrom('approval_requests').select('id').where('projectId', '=', project.id).execute()).toEqual([]);
  });
});

describe('incentive earned on the real engine', () => {
  it('runs the drawn approval for each earned payout; an approved one is booked on the budget line and in the closing review once, a rejected one nowhere', { timeout: 120_000 }, async () => {
    const org = await createOrgChart(system.app);
    const finance = await createUser(system.app, 'Finance', org.ceo.id);
    const periodEnd = inSeconds(3600);
    const project = await createProject(system.app, org.rep.id, 'Incentive flow', { periodEnd });
    const P = `/api/projects/${project.id}`;
    const goal = await created(system.app, `${P}/goals`, { metric: 'revenue', unit: 'CNY', target: 100000, period: { start: inSeconds(-60), end: periodEnd } });
    expect((await call(system.app, 'PUT', `${P}/goals/${goal.id}/allocation`, { granularity: 'month', shares: [{ userId: org.rep.id, weight: 1 }] })).status).toBe(200);
    const line = await created(system.app, `${P}/budget`, { category: 'Incentives', planned: '10000' });
    const rules = await call(system.app, 'PUT', `${P}/incentives/rules`, { budgetLineId: line.id, commission: { tiers: [{ fromPct: 0, toPct: null, rate: '0.1' }] } });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    // The manager decides every payout; finance too above 1,000.
    await bind(system.app, 'incentive_earned', project.id, await publishFlow(system.app, managerThenFinanceFlow(finance.id, 1000)));

    const report = async (value: string) => expect((await call(system.app, 'POST', `${P}/kpi-reports`, { metric: 'revenue', value }, { as: org.rep })).status).toBe(201);
    const payouts = async () => (await call(system.app, 'GET', `${P}/incentives/payouts`, undefined, { as: org.rep })).body as { id: string; amount: string; status: string }[];
    const spent = async () => (await call(system.app, 'GET', `${P}/budget/${line.id}`)).body.spent as string;

    // 10 % of 5,000: 500, which the manager alone approves.
    await report('5000');
    expect(await payouts()).toMatchObject([{ amount: '500.00', status: 'earned' }]);
    const [small] = await pending(org.manager);
    await decide(small!.id, org.manager, 'approve');
    await eventually(async () => expect(await payouts()).toMatchObject([{ amount: '500.00', status: 'approved' }]));
    expect(Number(await spent())).toBe(500);

    // 20,000 more: 2,000 more earned, above 1,000, so finance decides after the manager, and rejects.
    await report('20000');
    const [large] = await pending(org.manager);
    await decide(large!.id, org.manager, 'approve');
    const [atFinance] = await pending(finance);
    await decide(atFinance!.id, finance, 'reject');
    await eventually(async () => expect((await payouts()).map((p) => [p.amount, p.status])).toEqual([['500.00', 'approved'], ['2000.00', 'rejected']]));
    expect(Number(await spent())).toBe(500);

    // A rejected payout is not raised again, by a settlement or by the next report that earns nothing new.
    expect((await call(system.app, 'POST', `${P}/incentives/settle`, undefined, { as: org.rep })).body).toEqual({ payouts: [] });
    await report('0');
    expect(await payouts()).toHaveLength(2);
    const runs = await system.db.selectFrom('flow_runs').select('status').where('projectId', '=', project.id).where('triggerEvent', '=', 'incentive_earned').execute();
    expect(runs).toEqual([{ status: 'completed' }, { status: 'completed' }]);
    const inbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`, undefined, { as: org.rep })).body as { payload: { subject?: string } }[];
    expect(inbox.map((i) => i.payload.subject)).toEqual(expect.arrayContaining(['Incentive approved: 500.00', 'Incentive not approved: 2000.00']));

    // The manager's view: the line's consumption is the approved payout.
    const view = (await call(system.app, 'GET', `${P}/incentives`, undefined, { as: org.manager })).body;
    expect(view.budget).toMatchObject({ line: { id: line.id, spent: '500' }, approvedPayouts: '500.00', earnedPayouts: '0.00' });
    expect(view.members[0]).toMatchObject({ memberId: org.rep.id, soFar: { total: '2500.00' }, payouts: { approved: '500.00', rejected: '2000.00', earned: '0.00' } });

    // The closing review lists the approved payout, once.
    expect((await call(system.app, 'POST', `${P}/close`, { outcome: 'cancelled' }, { as: org.rep })).status).toBe(200);
    const review = await closingReviewOf(system.app, project.id);
    expect(review.report.incentives).toEqual({ approvedTotal: '500.00', payouts: [expect.objectContaining({ memberId: org.rep.id, amount: '500.00' })] });
    const rejected = (await payouts())[1]!;
    await recordHistory(system.client, incentivePayoutWorkflowId(project.id, rejected.id), 'incentive-payout-manager-then-finance-rejects');
  });
});
