import { Client, Connection } from '@temporalio/client';
import { describe, expect, inject, it } from 'vitest';
import { askLifecycle } from '../../api/lifecycle';
import { createApp } from '../../api/app';
import { findLifecycleState } from '../../db/queries/project-lifecycles';
import { planApprovalFlow } from '../../workflows/flow/default-flows';
import { approveAtOnce, bind, createOrgChart, createProject, inSeconds, publishEscalationFlow, publishFlow, readProject } from '../support/factories';
import { closingReviewOf } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { recordHistory } from '../support/histories';
import { startSwitchableTcpProxy } from '../support/switchable-tcp-proxy';
import { testDecisionLinks, useSystem } from '../support/system';

const system = useSystem();

/**
 * After a step, the row the API reads and the workflow's own state (asked by query) come to the
 * same thing, and stay so: `steady` reads both twice with no change between.
 */
async function projectionMatchesWorkflow(projectId: string, expectState: (state: Record<string, unknown>) => void = () => {}, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const fromWorkflow = await askLifecycle(system.client, projectId);
      const projected = await findLifecycleState(system.db, projectId);
      expect(fromWorkflow.unavailable).toBeUndefined();
      expect(projected).toEqual(fromWorkflow);
      expectState(fromWorkflow as Record<string, unknown>);
      return projected!;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

async function pendingApproval(userId: string) {
  return eventually(async () => {
    const res = await call(system.app, 'GET', `/api/users/${userId}/approvals?status=pending`);
    expect(res.body).toHaveLength(1);
    return res.body[0] as { id: string };
  });
}

describe('the lifecycle projection that project pages read', () => {
  it('equals the workflow’s own state after every lifecycle step: planning, submission, approval, a change request, a worker restart, a miss and its escalation, its acknowledgement, the close and the closing review', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string; milestones: { id: string; dueAt: string }[] }>(system.app, org.rep.id, 'Projected', {
      periodEnd: inSeconds(120),
      monitoringDays: 0,
      milestones: [
        { name: 'Early', dueAt: inSeconds(30), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id },
        { name: 'Late', dueAt: inSeconds(100), metric: 'revenue', targetValue: 5000, ownerId: org.rep.id },
      ],
    });
    const [early, late] = p.milestones;
    await projectionMatchesWorkflow(p.id, (s) => expect(s).toMatchObject({ phase: 'planning', planSubmitted: false, nextChecks: [] }));

    // Submitted: an approval flow runs and the submission waits for it.
    await bind(system.app, 'plan_submitted', p.id, await publishFlow(system.app, planApprovalFlow));
    await bind(system.app, 'milestone_missed', p.id, await publishEscalationFlow(system.app, 60));
    await bind(system.app, 'change_requested', p.id, await publishFlow(system.app, approveAtOnce('change_requested')));
    expect((await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep })).status).toBe(202);
    await projectionMatchesWorkflow(p.id, (s) => {
      expect(s.planSubmitted).toBe(true);
      expect(s.runningFlows).toEqual([expect.objectContaining({ event: 'plan_submitted' })]);
    });

    // Rejected: back in planning with the reason; approved on the second submission.
    const first = await pendingApproval(org.manager.id);
    await call(system.app, 'POST', `/api/approvals/${first.id}/decision`, { decision: 'reject', comment: 'Aim higher' }, { as: org.manager });
    await projectionMatchesWorkflow(p.id, (s) => expect(s).toMatchObject({ phase: 'planning', planSubmitted: false, planRejection: 'Aim higher', runningFlows: [] }));
    expect((await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep })).status).toBe(202);
    const second = await pendingApproval(org.manager.id);
    await call(system.app, 'POST', `/api/approvals/${second.id}/decision`, { decision: 'approve' }, { as: org.manager });
    await projectionMatchesWorkflow(p.id, (s) => {
      expect(s.phase).toBe('execution');
      expect(s.nextChecks).toEqual([
        { milestoneId: early!.id, kind: 'due', at: early!.dueAt },
        { milestoneId: late!.id, kind: 'due', at: late!.dueAt },
      ]);
      expect(s.nextReviewAt).toEqual(expect.any(String));
    });

    // An approved change request moves the late milestone's check.
    const moved = inSeconds(110);
    const change = await call(system.app, 'POST', `/api/projects/${p.id}/change-requests`, { subjectKind: 'milestone', subjectId: late!.id, field: 'due_at', after: moved, reason: 'Customer asked' }, { as: org.rep });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    await projectionMatchesWorkflow(p.id, (s) => expect(s.nextChecks).toContainEqual({ milestoneId: late!.id, kind: 'due', at: new Date(moved).toISOString() }));

    // A worker restart: the workflow is replayed from its history and writes nothing different.
    // (The early milestone falls due ~30 s after the start, after this.)
    await system.stopWorker();
    await system.startWorker();
    await projectionMatchesWorkflow(p.id, (s) => expect(s.phase).toBe('execution'));

    // The early milestone is missed: its escalation flow runs until the manager acknowledges it.
    await projectionMatchesWorkflow(p.id, (s) => {
      expect(s.runningFlows).toEqual([expect.objectContaining({ event: 'milestone_missed', subjectId: early!.id })]);
      expect(s.nextChecks).toEqual([{ milestoneId: late!.id, kind: 'due', at: new Date(moved).toISOString() }]);
    }, 60_000);
    const escalation = await eventually(async () => {
      const [first] = (await readProject(system.app, p.id)).escalations as { id: string }[];
      expect(first).toBeDefined();
      return first!;
    });
    // Refused with 409 `not_yet_open` while its request is still being delivered.
    await eventually(async () => expect((await call(system.app, 'POST', `/api/escalations/${escalation.id}/ack`, {}, { as: org.manager })).status).toBe(200));
    await projectionMatchesWorkflow(p.id, (s) => expect(s.runningFlows).toEqual([]));

    // Closed early: the closing review, then closed once the retrospective is final.
    await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'won' }, { as: org.rep });
    await projectionMatchesWorkflow(p.id, (s) => expect(s).toMatchObject({ phase: 'closing_review', outcome: 'won', nextChecks: [], nextReviewAt: null }));
    const retro = await closingReviewOf(system.app, p.id);
    expect((await call(system.app, 'POST', `/api/retrospectives/${retro.id}/finalize`, {}, { as: org.rep })).status).toBe(200);
    const closed = await eventually(async () => {
      const lifecycle = (await readProject(system.app, p.id)).lifecycle;
      expect(lifecycle.phase).toBe('closed');
      return lifecycle;
    });
    // The workflow has ended: what it wrote last is what the page keeps showing.
    await expect(system.client.workflow.getHandle(`sales-project-${p.id}`).result()).resolves.toBeUndefined();
    expect(closed).toEqual(await findLifecycleState(system.db, p.id));
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-projection-every-step');
  });

  it('answers a project read with its lifecycle from the database, never waiting on the engine, while Temporal is unreachable', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Engine down', {
      periodEnd: inSeconds(600),
      milestones: [{ name: 'Q', dueAt: inSeconds(500), metric: 'revenue', targetValue: 10, ownerId: org.rep.id }],
    });
    await bind(system.app, 'plan_submitted', p.id, await publishFlow(system.app, approveAtOnce('plan_submitted')));
    await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep });
    // Settled in execution: the check set, the submission cleared and the first status summary planned
    // (the workflow writes these one after another: a read in between would find the row moving on).
    const running = await projectionMatchesWorkflow(p.id, (s) => {
      expect(s.nextChecks).toHaveLength(1);
      expect(s).toMatchObject({ planSubmitted: false, nextReviewAt: expect.any(String) });
    });

    const [host, port] = inject('temporalAddress').split(':');
    const proxy = await startSwitchableTcpProxy({ host: host!, port: Number(port) });
    // No gRPC retries on this connection: a retry timer set while the engine is cut would fire after
    // the connection is closed and throw where nobody catches it (the client's retry interceptor
    // does not stop at the caller's deadline).
    const connection = await Connection.connect({ address: `127.0.0.1:${proxy.port}`, interceptors: [] });
    try {
      const app = createApp({ db: system.db, temporal: { client: new Client({ connection, namespace: 'default' }), taskQueue: system.taskQueue }, decisionLinks: testDecisionLinks });
      await proxy.cut();
      expect((await call(app, 'GET', '/readyz', undefined, { as: null })).status).toBe(503);
      const started = performance.now();
      const res = await call(app, 'GET', `/api/projects/${p.id}`);
      const ms = performance.now() - started;
      expect(res.status).toBe(200);
      // The row as the database holds it (the workflow, on its own connection, may have moved on
      // since `running`, e.g. its next status summary), with the checks it had then.
      expect(res.body.lifecycle).toEqual(await findLifecycleState(system.db, p.id));
      expect(res.body.lifecycle.nextChecks).toEqual(running.nextChecks);
      expect(res.body.lifecycle.unavailable).toBeUndefined();
      // The engine's own deadline is 3 s; a read that never asks it is far below (the bench measures it).
      expect(ms).toBeLessThan(1_000);
    } finally {
      await proxy.restore();
      await connection.close();
      await proxy.close();
    }
    await system.client.workflow.getHandle(`sales-project-${p.id}`).terminate('test cleanup');
  });
});
