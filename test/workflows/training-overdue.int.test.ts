import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { flowRunWorkflowId, trainingDueWorkflowId } from '../../workflows/task-queue';
import { bind, createOrgChart, createProject, inSeconds, notifyOwnerFlow, publishFlow } from '../support/factories';
import { call, eventually } from '../support/http';
import { recordHistory } from '../support/histories';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY_S = 86_400;

const inboxOf = async (userId: string) => (await call(system.app, 'GET', `/api/users/${userId}/inbox`)).body as { payload: { subject?: string; message?: string; trainingId?: string } }[];

describe('training and mentoring', () => {
  it('raises "training overdue" for an item not completed by its date and runs its bound flow on the engine, with the training in its context', async () => {
    const org = await createOrgChart(system.app);
    const late = await createUser(system.app, 'Late', org.manager.id);
    const done = await createUser(system.app, 'Done', org.manager.id);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Training', { periodStart: inSeconds(-3 * DAY_S), periodEnd: inSeconds(30 * DAY_S) });
    const subject = `Overdue ${randomUUID()}`;
    const flowId = await publishFlow(system.app, notifyOwnerFlow({ event: 'training_overdue' }, subject, '{{training.topic}} by {{training.trainer}}: not completed by {{training.incompleteNames}} ({{training.incompleteCount}} of {{training.attendeeCount}})'));
    await bind(system.app, 'training_overdue', p.id, flowId);
    expect((await call(system.app, 'PUT', `/api/projects/${p.id}/members`, { members: [late, done].map((u) => ({ userId: u.id, role: 'member' })) })).status).toBe(200);
    /** Moves an item's date two days back: its timer starts over and checks at once. */
    const moveBack = async (id: string) => expect((await call(system.app, 'PATCH', `/api/projects/${p.id}/training/${id}`, { date: inSeconds(-2 * DAY_S) })).status).toBe(200);

    // Completed by everyone, then moved back past its date: its timer raises nothing.
    const kept = await call(system.app, 'POST', `/api/projects/${p.id}/training`, {
      topic: 'Product basics',
      kind: 'internal',
      trainerId: org.manager.id,
      date: inSeconds(60),
      attendeeIds: [done.id],
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect((await call(system.app, 'PATCH', `/api/projects/${p.id}/training/${kept.body.id}/attendees/${done.id}`, { completed: true }, { as: done })).status).toBe(200);
    await moveBack(kept.body.id);
    expect(await system.client.workflow.getHandle(trainingDueWorkflowId(kept.body.id)).result()).toBe('completed');

    // Moved back to two days ago, and one of two attendees has not completed it.
    const item = await call(system.app, 'POST', `/api/projects/${p.id}/training`, {
      topic: 'Negotiation',
      kind: 'mentoring',
      trainerName: 'Ms. Zhou (external)',
      date: inSeconds(120),
      attendeeIds: [late.id, done.id],
      cost: '1500.50',
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    expect((await call(system.app, 'PATCH', `/api/projects/${p.id}/training/${item.body.id}/attendees/${done.id}`, { completed: true, score: 88 })).status).toBe(200);
    await moveBack(item.body.id);

    const result = await system.client.workflow.getHandle(trainingDueWorkflowId(item.body.id)).result();
    expect(result).toBe('overdue');
    await recordHistory(system.client, trainingDueWorkflowId(item.body.id), 'training-due-moved-back-then-overdue');
    await system.client.workflow.getHandle(flowRunWorkflowId(p.id, 'training_overdue', item.body.id)).result();
    const told = (await inboxOf(org.rep.id)).filter((i) => i.payload.subject === subject);
    expect(told.map((i) => i.payload.message)).toEqual(['Negotiation by Ms. Zhou (external): not completed by Late (1 of 2)']);
    const runs = await system.db.selectFrom('flow_runs').select(['subjectId', 'status']).where('projectId', '=', p.id).where('triggerEvent', '=', 'training_overdue').execute();
    expect(runs).toEqual([{ subjectId: item.body.id, status: 'completed' }]);

    const listed = (await call(system.app, 'GET', `/api/projects/${p.id}/training`)).body as { id: string; overdue: boolean }[];
    expect(new Map(listed.map((t) => [t.id, t.overdue]))).toEqual(
      new Map([
        [item.body.id, true],
        [kept.body.id, false],
      ]),
    );
    // A rep sees their own training.
    const mine = (await call(system.app, 'GET', `/api/projects/${p.id}/training?attendee=${late.id}`)).body as { id: string }[];
    expect(mine.map((t) => t.id)).toEqual([item.body.id]);
  });

  it('reminds the attendees and the trainer through the inbox before the date', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Reminder', { periodEnd: inSeconds(30 * DAY_S) });
    const item = await call(system.app, 'POST', `/api/projects/${p.id}/training`, { topic: 'Cold calling', kind: 'external', trainerId: org.manager.id, date: inSeconds(3600), attendeeIds: [org.rep.id] });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    for (const userId of [org.rep.id, org.manager.id]) {
      await eventually(async () => {
        const reminders = (await inboxOf(userId)).filter((i) => i.payload.trainingId === item.body.id);
        expect(reminders).toHaveLength(1);
        expect(reminders[0]!.payload.subject).toMatch(/Cold calling/);
      }, { timeoutMs: 20_000 });
    }
  });

  it('refuses a date outside the project period with a 400 naming the field, and writes nothing', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Outside', {});
    const refused = await call(system.app, 'POST', `/api/projects/${p.id}/training`, { topic: 'Too late', kind: 'internal', trainerId: org.manager.id, date: inSeconds(400 * DAY_S), attendeeIds: [org.rep.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['date']);
    const noTrainer = await call(system.app, 'POST', `/api/projects/${p.id}/training`, { topic: 'Nobody', kind: 'internal', date: inSeconds(60), attendeeIds: [org.rep.id] });
    expect(noTrainer.status).toBe(400);
    expect(noTrainer.body.error.details.map((d: { path: string }) => d.path)).toEqual(['trainerId']);
    expect(await system.db.selectFrom('training_items').select('id').where('projectId', '=', p.id).execute()).toEqual([]);
  });
});
