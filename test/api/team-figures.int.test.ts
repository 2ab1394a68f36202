import { describe, expect, it } from 'vitest';
import type { ProjectForecasts } from '../../api/contract/forecasts';
import type { TrainingItem } from '../../api/contract/training';
import { call, type JsonResponse } from '../support/http';
import { createPlanProject, createUser, revenueGoal2027, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem();

const ok = async <T>(res: Promise<JsonResponse<T>>, status = 200): Promise<T> => {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
};

/**
 * A 2027 project owned by a member (who plans it), with two reps under a manager who does not
 * manage the owner (so reads the project as a manager), and a viewer-scoped colleague.
 */
async function team() {
  const owner = await createUser(system.app, 'Team Owner');
  const manager = await createUser(system.app, 'Reps Manager', null, 'manager');
  const ann = await createUser(system.app, 'Ann Team', manager.id);
  const bo = await createUser(system.app, 'Bo Team', manager.id);
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const P = `/api/projects/${project.id}`;
  await ok(call(system.app, 'PUT', `${P}/members`, { members: [ann, bo].map((m) => ({ userId: m.id, role: 'member' })) }));
  return { owner, manager, ann, bo, project, P };
}

describe('who sees the team’s figures through the API', () => {
  it('gives a rep reading the forecasts only their own allocation and their own milestones, and the owner and their manager the team’s', async () => {
    const { owner, manager, ann, bo, P } = await team();
    const goal = await ok<{ id: string }>(call(system.app, 'POST', `${P}/goals`, revenueGoal2027), 201);
    const shares = { granularity: 'quarter', weights: [1, 1, 1, 3], timeZone: 'Asia/Shanghai', shares: [ann, bo].map((m) => ({ userId: m.id, weight: 1 })) };
    await ok(call(system.app, 'PUT', `${P}/goals/${goal.id}/allocation`, shares, { as: owner }));
    const read = (as: typeof ann) => ok<ProjectForecasts>(call(system.app, 'GET', `${P}/forecasts?at=2027-07-01T00:00:00%2B08:00`, undefined, { as }));

    const mine = (await read(ann)).subjects;
    expect(mine.filter((s) => s.kind === 'allocation').map((s) => s.id)).toEqual([`${goal.id}:user:${ann.id}`]);
    expect(mine.filter((s) => s.kind === 'milestone').length).toBeGreaterThan(0);
    expect(mine.every((s) => s.kind !== 'goal' && s.holder?.userId === ann.id)).toBe(true);

    for (const planner of [owner, manager]) {
      const all = (await read(planner)).subjects;
      expect(all.filter((s) => s.kind === 'goal').map((s) => s.id)).toEqual([goal.id]);
      expect(new Set(all.filter((s) => s.kind === 'allocation').map((s) => s.holder?.userId))).toEqual(new Set([ann.id, bo.id]));
      expect(all.some((s) => s.kind === 'milestone' && s.holder?.userId === bo.id)).toBe(true);
    }
  });

  it('gives a rep reading the training only the items they attend or train, each with their own attendee row only (an item asked for by id names no one else); the owner and their manager read every row', async () => {
    const { owner, manager, ann, bo, P } = await team();
    const item = (topic: string, trainerId: string, attendees: { id: string }[]) =>
      ok<TrainingItem>(call(system.app, 'POST', `${P}/training`, { topic, kind: 'internal', trainerId, date: '2027-03-10T10:00:00+08:00', attendeeIds: attendees.map((a) => a.id) }, { as: owner }), 201);
    const together = await item('Negotiation', manager.id, [ann, bo]);
    const taught = await item('Mentoring Bo', ann.id, [bo]);
    const notHers = await item('Bo alone', manager.id, [bo]);
    await ok(call(system.app, 'PATCH', `${P}/training/${together.id}/attendees/${bo.id}`, { attended: true, completed: true, score: 70 }, { as: owner }));

    for (const path of [`${P}/training`, `${P}/training?attendee=${bo.id}`]) {
      const list = await ok<TrainingItem[]>(call(system.app, 'GET', path, undefined, { as: ann }));
      // Asking for a colleague's items (?attendee=) still gives only what is hers of them.
      expect(new Set(list.map((i) => i.id)), path).toEqual(new Set([together.id, taught.id]));
      expect(list.flatMap((i) => i.attendees.map((a) => a.userId)), path).toEqual([ann.id]);
    }
    const one = await ok<TrainingItem>(call(system.app, 'GET', `${P}/training/${together.id}`, undefined, { as: ann }));
    expect(one.attendees.map((a) => a.userId)).toEqual([ann.id]);
    // An item she is not part of, asked for by its id, names no one.
    expect((await ok<TrainingItem>(call(system.app, 'GET', `${P}/training/${notHers.id}`, undefined, { as: ann }))).attendees).toEqual([]);

    for (const planner of [owner, manager]) {
      const list = await ok<TrainingItem[]>(call(system.app, 'GET', `${P}/training`, undefined, { as: planner }));
      expect(new Set(list.map((i) => i.id))).toEqual(new Set([together.id, taught.id, notHers.id]));
      const both = list.find((i) => i.id === together.id)!;
      expect(both.attendees.map((a) => [a.userId, a.score])).toEqual(expect.arrayContaining([[ann.id, null], [bo.id, '70']]));
    }
  });

  it('lets a rep record their own completion but not their own score or attendance, naming the field, while the owner records both', async () => {
    const { owner, ann, P } = await team();
    const training = await ok<TrainingItem>(
      call(system.app, 'POST', `${P}/training`, { topic: 'Pricing', kind: 'internal', trainerId: owner.id, date: '2027-03-10T10:00:00+08:00', attendeeIds: [ann.id] }, { as: owner }),
      201,
    );
    const own = `${P}/training/${training.id}/attendees/${ann.id}`;
    for (const [field, body] of [['score', { score: 100 }], ['attended', { attended: true, completed: true }]] as const) {
      const refused = await call(system.app, 'PATCH', own, body, { as: ann });
      expect(refused.status, JSON.stringify(refused.body)).toBe(403);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
      expect(refused.body.error.message).toContain(field);
    }
    const rowOf = (item: TrainingItem) => item.attendees.find((a) => a.userId === ann.id)!;
    expect(rowOf(await ok<TrainingItem>(call(system.app, 'GET', `${P}/training/${training.id}`, undefined, { as: owner })))).toMatchObject({ attended: null, completedAt: null, score: null });

    expect(rowOf(await ok<TrainingItem>(call(system.app, 'PATCH', own, { completed: true }, { as: ann })))).toMatchObject({ attended: null, score: null, completedAt: expect.any(String) });
    expect(rowOf(await ok<TrainingItem>(call(system.app, 'PATCH', own, { attended: true, score: 88 }, { as: owner })))).toMatchObject({ attended: true, score: '88' });
  });
});
