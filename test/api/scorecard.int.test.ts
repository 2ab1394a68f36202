import { describe, expect, it } from 'vitest';
import { createOrgChart, createProject, inSeconds, startExecution } from '../support/factories';
import { closingReviewOf } from '../support/flow-runs';
import { call } from '../support/http';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY_S = 86_400;

interface Entry {
  rank: number;
  memberId: string;
  name: string;
  score: string;
  reportedNothing: boolean;
  dimensions: { key: string; attainmentPct: number; countedPct: number; points: string }[];
}

const ok = async (method: string, path: string, body?: unknown, as?: Parameters<typeof call>[4]) => {
  const res = await call(system.app, method, path, body, as);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};

describe('the balanced scorecard', () => {
  it('ranks by the weighted score, so the member with the most revenue is not first; the ranking, the closing review and its exports say so, listing one who reported nothing', async () => {
    const org = await createOrgChart(system.app);
    const hunter = await createUser(system.app, 'Hunter', org.manager.id);
    const farmer = await createUser(system.app, 'Farmer', org.manager.id);
    const quiet = await createUser(system.app, 'Quiet', org.manager.id);
    const period = { start: inSeconds(-2 * DAY_S), end: inSeconds(30 * DAY_S) };
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Scorecard', { periodStart: period.start, periodEnd: period.end, monitoringDays: 0 });
    const P = `/api/projects/${p.id}`;
    await ok('PUT', `${P}/members`, { members: [hunter, farmer, quiet].map((u) => ({ userId: u.id, role: 'member' })) });
    // Four people on the team (owner included): each member's share is a quarter of the targets.
    await ok('POST', `${P}/goals`, { metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1200, period });
    await ok('POST', `${P}/goals`, { metric: 'new_customers', unit: 'customers', direction: 'at_least', baseline: null, target: 8, period });
    const training = await ok('POST', `${P}/training`, {
      topic: 'Consultative selling',
      kind: 'internal',
      trainerId: org.manager.id,
      date: inSeconds(-DAY_S),
      attendeeIds: [hunter.id, farmer.id],
    });

    // Weights that do not add up to 100 % are refused, naming the field, and nothing is stored.
    const refused = await call(system.app, 'PUT', `${P}/scorecard`, { dimensions: [{ key: 'revenue', weightPct: 50, capPct: 100 }, { key: 'training', weightPct: 40, capPct: 100 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'dimensions', message: 'the weights add up to 90 %, not 100 %' })]);
    expect((await ok('GET', `${P}/scorecard`)).configured).toBe(false);
    const unknown = await call(system.app, 'PUT', `${P}/scorecard`, { dimensions: [{ key: 'revnue', weightPct: 100, capPct: 100 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('dimensions.0.key');

    const dimensions = [
      { key: 'revenue', weightPct: 40, capPct: 100 },
      { key: 'new_customers', weightPct: 30, capPct: 120 },
      { key: 'training', weightPct: 30, capPct: 100 },
    ];
    expect((await ok('PUT', `${P}/scorecard`, { dimensions })).dimensions).toEqual(dimensions);
    const trail = await system.db.selectFrom('audit_events').select(['entity', 'action']).where('projectId', '=', p.id).where('entity', '=', 'scorecards').execute();
    expect(trail).toEqual([{ entity: 'scorecards', action: 'insert' }]);

    await startExecution(system.app, p.id, org.rep);
    // Hunter brings three times the revenue (capped at 100 % of his share), but no new customer and no training;
    // Farmer meets her revenue share, her new-customer share and completes the training.
    await ok('POST', `${P}/kpi-reports`, { metric: 'revenue', value: 900 }, { as: hunter });
    await ok('POST', `${P}/kpi-reports`, { metric: 'revenue', value: 300 }, { as: farmer });
    await ok('POST', `${P}/kpi-reports`, { metric: 'new_customers', value: 2 }, { as: farmer });
    // She records her own completion; her attendance and score are the planners' to record.
    await ok('PATCH', `${P}/training/${training.id}/attendees/${farmer.id}`, { completed: true }, { as: farmer });
    await ok('PATCH', `${P}/training/${training.id}/attendees/${farmer.id}`, { attended: true, score: 92 });
    await ok('PATCH', `${P}/training/${training.id}/attendees/${hunter.id}`, { attended: false });

    const ranking = (await ok('GET', `${P}/scorecard/ranking`)) as { entries: Entry[] };
    const byName = (entries: readonly { name: string }[]) => entries.map((e) => e.name);
    expect(byName(ranking.entries).slice(0, 2)).toEqual([farmer.name, hunter.name]);
    const [first, second] = ranking.entries;
    expect(first).toMatchObject({ rank: 1, memberId: farmer.id, score: '100', reportedNothing: false });
    expect(second).toMatchObject({ rank: 2, memberId: hunter.id, score: '40', reportedNothing: false });
    expect(second!.dimensions).toEqual([
      { key: 'revenue', attainmentPct: 300, countedPct: 100, points: '40' },
      { key: 'new_customers', attainmentPct: 0, countedPct: 0, points: '0' },
      { key: 'training', attainmentPct: 0, countedPct: 0, points: '0' },
    ]);
    // Everyone is listed: the owner and Quiet, who reported nothing, with zeros.
    expect(ranking.entries).toHaveLength(4);
    expect(ranking.entries.find((e) => e.memberId === quiet.id)).toMatchObject({ score: '0', reportedNothing: true, rank: 3 });

    // The month's dashboard ranks by the score too, while the revenue ranking still has Hunter first.
    const dashboard = await ok('GET', `${P}/dashboard`);
    expect(dashboard.ranking.find((r: { metric: string }) => r.metric === 'revenue').entries[0].memberId).toBe(hunter.id);
    expect(dashboard.scorecardRanking.entries[0].memberId).toBe(farmer.id);
    expect(dashboard.scorecardRanking.entries.map((e: Entry) => e.memberId)).toEqual(expect.arrayContaining([hunter.id, quiet.id, org.rep.id]));

    // Closed: the closing review ranks by the score, with the revenue totals and each member's training beside.
    await ok('POST', `${P}/close`, { outcome: 'won' }, { as: org.rep });
    const review = await closingReviewOf(system.app, p.id);
    const members = review.report.members as (Entry & { userId: string; total: string; training: { assigned: number; completed: number; attended: number; averageScore: string | null; topics: string[] } })[];
    expect(members.map((m) => m.userId).slice(0, 2)).toEqual([farmer.id, hunter.id]);
    expect(members[0]).toMatchObject({ rank: 1, score: '100', total: '300', training: { assigned: 1, attended: 1, completed: 1, averageScore: '92', topics: ['Consultative selling'] } });
    expect(members[1]).toMatchObject({ rank: 2, score: '40', total: '900', training: { assigned: 1, attended: 0, completed: 0, averageScore: null } });
    expect(members.find((m) => m.userId === quiet.id)).toMatchObject({ score: '0', total: '0', reportedNothing: true, training: { assigned: 0 } });
    expect(members).toHaveLength(4);

    // Its exports show the same: each member's score with its dimensions and their training, in English and in Chinese.
    const md = await call(system.app, 'GET', `/api/retrospectives/${review.id}/export.md?lang=en`);
    expect(md.status).toBe(200);
    // Nobody was paid an incentive: the column says 0 and the payouts section "None.".
    expect(md.body).toContain('| Rank | Member | Total | Score | Scorecard dimensions | Training | Approved payouts |');
    expect(md.body).toContain(
      `| 1 | ${farmer.name} | 300 | 100 | revenue 100.0 % → 40 pts; new\\_customers 100.0 % → 30 pts; training 100.0 % → 30 pts | 1 of 1 completed, 1 attended · average score 92 · Consultative selling | 0 |`,
    );
    expect(md.body).toContain('## Incentive payouts (approved 0)\n\n_None._');
    expect(md.body).toContain(`| ${quiet.name} | 0 | 0 (reported nothing) |`);
    const html = await call(system.app, 'GET', `/api/retrospectives/${review.id}/export.html?lang=zh-CN`);
    expect(html.status).toBe(200);
    expect(html.body).toContain('<th>得分</th><th>计分卡维度</th><th>培训</th><th>已批准激励</th>');
    expect(html.body).toContain('完成 1/1 项，出席 1 次 · 平均分 92 · Consultative selling');
  });

  it("measures a member's revenue against their own quota when the goal is allocated, so a member with a larger quota needs more to score the same", async () => {
    const org = await createOrgChart(system.app);
    const big = await createUser(system.app, 'Big Quota', org.manager.id);
    const small = await createUser(system.app, 'Small Quota', org.manager.id);
    const period = { start: inSeconds(-2 * DAY_S), end: inSeconds(30 * DAY_S) };
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Scorecard on quotas', { periodStart: period.start, periodEnd: period.end, monitoringDays: 0 });
    const P = `/api/projects/${p.id}`;
    await ok('PUT', `${P}/members`, { members: [big, small].map((u) => ({ userId: u.id, role: 'member' })) });
    const goal = await ok('POST', `${P}/goals`, { metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1200, period });
    // Three quarters of the target to Big, a quarter to Small; the owner holds none.
    await ok('PUT', `${P}/goals/${goal.id}/allocation`, { granularity: 'month', shares: [{ userId: big.id, weight: 3 }, { userId: small.id, weight: 1 }] });
    await ok('PUT', `${P}/scorecard`, { dimensions: [{ key: 'revenue', weightPct: 100, capPct: 200 }] });
    await startExecution(system.app, p.id, org.rep);
    // The same 450 is half of Big's 900 and one and a half times Small's 300; Small reaches half with 150.
    await ok('POST', `${P}/kpi-reports`, { metric: 'revenue', value: 450 }, { as: big });
    await ok('POST', `${P}/kpi-reports`, { metric: 'revenue', value: 150 }, { as: small });

    const ranking = (await ok('GET', `${P}/scorecard/ranking`)) as { entries: Entry[] };
    const of = (id: string) => ranking.entries.find((e) => e.memberId === id);
    expect(of(big.id)).toMatchObject({ score: '50', dimensions: [{ key: 'revenue', attainmentPct: 50, countedPct: 50, points: '50' }] });
    expect(of(small.id)).toMatchObject({ score: '50', dimensions: [{ key: 'revenue', attainmentPct: 50, countedPct: 50, points: '50' }] });
    // On an equal share (600 each) Big would have scored 75 and Small 25.

    await ok('POST', `${P}/kpi-reports`, { metric: 'revenue', value: 300 }, { as: small });
    const after = (await ok('GET', `${P}/scorecard/ranking`)) as { entries: Entry[] };
    expect(after.entries.map((e) => [e.memberId, e.score]).slice(0, 2)).toEqual([
      [small.id, '150'],
      [big.id, '50'],
    ]);
    // The owner holds no part of the allocated goal: nothing to measure them against.
    expect(after.entries.find((e) => e.memberId === org.rep.id)).toMatchObject({ score: '0', reportedNothing: true });
  });

  it('leaves the ranking as it is today when the project has no scorecard', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'No scorecard', {});
    const dashboard = await ok('GET', `/api/projects/${p.id}/dashboard`);
    expect(dashboard.scorecardRanking).toBeNull();
    expect((await call(system.app, 'GET', `/api/projects/${p.id}/scorecard/ranking`)).status).toBe(404);
  });
});
