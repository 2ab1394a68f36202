import { describe, expect, it } from 'vitest';
import { createOrgChart, createProjectWithMilestone } from '../support/factories';
import { call, eventually, sleep } from '../support/http';
import { recordHistory } from '../support/histories';
import { useSystem } from '../support/system';

const system = useSystem();

async function project(id: string) {
  const res = await call(system.app, 'GET', `/api/projects/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('the sales project lifecycle on the real engine', () => {
  it('records a met milestone and escalates nobody', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, target: 1000 });
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 600, reporterId: org.rep.id });
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: '400.00', reporterId: org.rep.id });

    const done = await eventually(async () => {
      const body = await project(p.id);
      expect(body.lifecycle.phase).toBe('closing_review');
      return body;
    });
    expect(done.milestones[0]).toMatchObject({ status: 'met', actualValue: '1000.00' });
    expect(done.escalations).toEqual([]);
    expect(done.status).toBe('closed');
  });

  it('escalates a missed milestone once to the owner’s manager, and an acknowledgement stops it', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, target: 1000, ackTimeoutSeconds: 4 });
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 10, reporterId: org.rep.id });

    const escalation = await eventually(async () => {
      const body = await project(p.id);
      expect(body.escalations).toHaveLength(1);
      return body.escalations[0];
    });
    expect(escalation).toMatchObject({ level: 1, recipientId: org.manager.id, acknowledgedAt: null });
    const inbox = await eventually(async () => {
      const items = (await call(system.app, 'GET', `/api/users/${org.manager.id}/inbox`)).body;
      expect(items).toHaveLength(1);
      return items;
    });
    expect(inbox[0]).toMatchObject({ kind: 'acknowledgement_request', payload: { channel: 'inbox' } });
    expect(inbox[0].payload.message).toContain('10 of 1000 revenue');

    const ack = await call(system.app, 'POST', `/api/escalations/${escalation.id}/ack`, { userId: org.manager.id });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body.acknowledgedBy).toBe(org.manager.id);

    await sleep(5_000); // longer than the acknowledgement timeout: nothing may go further up
    const after = await project(p.id);
    expect(after.escalations).toHaveLength(1);
    expect(after.lifecycle.phase).toBe('closing_review');
    expect((await call(system.app, 'GET', `/api/users/${org.director.id}/inbox`)).body).toEqual([]);
    await recordHistory(system.client, `flow-run-${p.id}-milestone_missed-${p.milestones[0]!.id}`, 'escalation-acknowledged-at-level-1');
  });

  it('goes one level up when nobody acknowledges in time, up to three levels, then tells the owner', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 1, target: 1000, ackTimeoutSeconds: 2 });

    const levels = await eventually(async () => {
      const body = await project(p.id);
      expect(body.escalations).toHaveLength(3);
      return body.escalations;
    }, { timeoutMs: 40_000 });
    expect(levels.map((e: { level: number; recipientId: string }) => [e.level, e.recipientId])).toEqual([
      [1, org.manager.id],
      [2, org.director.id],
      [3, org.ceo.id],
    ]);
    // Nobody acknowledged at the third level: the flow tells the owner and ends; nothing is left open.
    await eventually(async () => expect((await project(p.id)).lifecycle.phase).toBe('closing_review'), { timeoutMs: 20_000 });
    const ownerInbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body;
    expect(ownerInbox.map((i: { payload: { subject: string } }) => i.payload.subject)).toContain('Escalation unanswered: First deals');
    const late = await call(system.app, 'POST', `/api/escalations/${levels[0].id}/ack`, { userId: org.manager.id });
    expect(late.status).toBe(409);
    await recordHistory(system.client, `flow-run-${p.id}-milestone_missed-${p.milestones[0]!.id}`, 'escalation-unanswered-to-the-top');
  });
});
