import { describe, expect, it, onTestFinished } from 'vitest';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { verifyWebhookSignature } from '../../activities/flow/webhook-signature';
import { createOrgChart } from '../support/factories';
import { closeProject, portsOf, runToTheEnd } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { startHttpReceiver, type Answer } from '../support/http-receiver';
import { createUser } from '../support/people';
import { inTurn } from '../support/flow-shapes';
import { useSystem } from '../support/system';
import { webhookFlow } from '../support/webhook-flow';

// The receivers listen on 127.0.0.1, which webhooks may reach only when allowed.
const system = useSystem({ webhookAllow: '127.0.0.1' });

/** plan_submitted → notify the owner through a chat webhook → approved. */
const notifyByWebhook = (url: string): FlowDocument =>
  inTurn('Notify by webhook', [
    {
      id: 'tell',
      kind: 'notify',
      config: { recipient: { kind: 'project_owner' }, channel: 'webhook', webhookUrl: url, subject: 'Plan of {{project.name}}', message: 'Hello {{recipient.name}}.' },
    },
  ]);

async function receiver(answer: (index: number) => Answer) {
  const started = await startHttpReceiver(answer);
  onTestFinished(() => started.close());
  return started;
}

describe('the webhook step on the real engine', () => {
  it('sends the rendered body with a signature the receiver verifies with the flow’s secret, and goes on along "success"', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver(() => ({ status: 204 }));
    const { projectId, projectName, flowId, run } = await runToTheEnd(system, org, webhookFlow(`${hook.origin}/hooks/{{project.id}}`));
    expect(portsOf(run, 'hook')).toEqual(['success']);

    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request).toMatchObject({ method: 'POST', path: `/hooks/${projectId}` });
    expect(request!.headers['x-project']).toBe(projectId);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body.toString('utf8'))).toEqual({ project: projectId, name: projectName, owner: org.rep.name });

    const secret = await call(system.app, 'GET', `/api/flows/${flowId}/webhook-secret`);
    expect(secret.status, JSON.stringify(secret.body)).toBe(200);
    expect(secret.body).toMatchObject({ flowId, header: 'X-Milepost-Signature' });
    const signature = request!.headers['x-milepost-signature'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret.body.secret, request!.body, signature)).toBe(true);
    // Another flow's secret, or a body changed by one byte, does not verify.
    const otherFlow = await call(system.app, 'GET', `/api/flows/${(await call(system.app, 'GET', '/api/flows')).body.find((f: { id: string }) => f.id !== flowId).id}/webhook-secret`);
    expect(verifyWebhookSignature(otherFlow.body.secret, request!.body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret.body.secret, Buffer.concat([request!.body, Buffer.from(' ')]), signature)).toBe(false);

    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('execution'));
    await closeProject(system, projectId, org.rep);
  });

  it('retries after a 500 and goes on along "success" when the second attempt gets a 200', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver((index) => ({ status: index === 0 ? 500 : 200 }));
    const { projectId, run } = await runToTheEnd(system, org, webhookFlow(`${hook.origin}/flaky`, { retries: 2 }));
    expect(portsOf(run, 'hook')).toEqual(['success']);
    expect(hook.received).toHaveLength(2);
    // Both attempts carry the same body and signature: the receiver can tell a retry by them.
    expect(hook.received[1]!.body.equals(hook.received[0]!.body)).toBe(true);
    expect(hook.received[1]!.headers['x-milepost-signature']).toBe(hook.received[0]!.headers['x-milepost-signature']);
    // The retry policy's first interval is 2 s.
    expect(hook.received[1]!.at - hook.received[0]!.at).toBeGreaterThanOrEqual(1_500);
    await closeProject(system, projectId, org.rep);
  });

  it('retries after the connection drops without an answer and goes on along "success" when the next attempt gets a 200', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver((index) => (index === 0 ? 'reset' : { status: 200 }));
    const { projectId, run } = await runToTheEnd(system, org, webhookFlow(`${hook.origin}/dropping`, { retries: 1 }));
    expect(portsOf(run, 'hook')).toEqual(['success']);
    expect(hook.received).toHaveLength(2);
    await closeProject(system, projectId, org.rep);
  });

  it('takes "failure" when every attempt gets a 500, after the configured retries', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver(() => ({ status: 503 }));
    const { projectId, run } = await runToTheEnd(system, org, webhookFlow(`${hook.origin}/down`, { retries: 1 }));
    expect(portsOf(run, 'hook')).toEqual(['failure']);
    expect(run.path.find((step) => step.nodeId === 'hook' && step.note)?.note).toMatch(/gave up after 2 attempts: .*answered 503/);
    expect(hook.received).toHaveLength(2);
    await closeProject(system, projectId, org.rep);
  });

  it('takes "failure" after exactly one attempt when the receiver answers 400, although retries are left', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver(() => ({ status: 400 }));
    const { projectId, run } = await runToTheEnd(system, org, webhookFlow(`${hook.origin}/refuses`, { retries: 3 }));
    expect(portsOf(run, 'hook')).toEqual(['failure']);
    expect(run.path.find((step) => step.nodeId === 'hook' && step.note)?.note).toMatch(/answered 400; not retried/);
    expect(hook.received).toHaveLength(1);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.lifecycle.planRejection).toBeTruthy());
    await closeProject(system, projectId, org.rep);
  });

  it('takes "failure" when the receiver does not answer within the step’s timeout', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver(() => 'hang');
    const { projectId, run } = await runToTheEnd(system, org, webhookFlow(`${hook.origin}/slow`, { retries: 0, timeoutSeconds: 1 }));
    expect(portsOf(run, 'hook')).toEqual(['failure']);
    expect(run.path.find((step) => step.nodeId === 'hook' && step.note)?.note).toMatch(/gave no answer within 1 s/);
    expect(hook.received).toHaveLength(1);
    await closeProject(system, projectId, org.rep);
  });

  it('takes "failure" at once, sending nothing, when a header renders to a value HTTP cannot carry', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver(() => ({ status: 200 }));
    // Validation refuses what HTTP cannot carry in the configured value; a variable can still
    // bring it: a Chinese project name, outside the Latin-1 a header value is made of.
    const flow = webhookFlow(`${hook.origin}/headers`, { retries: 3, extraHeaders: { 'X-Note': '{{project.name}}' } });
    const { projectId, run } = await runToTheEnd(system, org, flow, { name: '华东区年度冲刺' });
    expect(portsOf(run, 'hook')).toEqual(['failure']);
    expect(run.path.find((step) => step.nodeId === 'hook' && step.note)?.note).toMatch(/cannot be sent: Invalid character in header content \["X-Note"\]/);
    expect(hook.received).toEqual([]);
    await closeProject(system, projectId, org.rep);
  });

  it('signs a notification sent over the webhook channel the same way, with the flow’s secret', async () => {
    const org = await createOrgChart(system.app);
    const hook = await receiver(() => ({ status: 200 }));
    const { projectId, projectName, flowId, run } = await runToTheEnd(system, org, notifyByWebhook(`${hook.origin}/chat`));
    expect(portsOf(run, 'tell')).toEqual(['next']);
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({
      kind: 'notification',
      projectId,
      flowRunId: run.id,
      messages: [{ to: org.rep.email, subject: `Plan of ${projectName}`, text: `Hello ${org.rep.name}.` }],
    });
    const { secret } = (await call(system.app, 'GET', `/api/flows/${flowId}/webhook-secret`)).body as { secret: string };
    expect(verifyWebhookSignature(secret, request!.body, request!.headers['x-milepost-signature'] as string)).toBe(true);
    await closeProject(system, projectId, org.rep);
  });

  it('lets ops read a flow’s webhook secret but not a member, and answers 404 for a flow that does not exist', async () => {
    const org = await createOrgChart(system.app);
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const flowId = (await call(system.app, 'GET', '/api/flows')).body[0].id as string;
    const read = await call(system.app, 'GET', `/api/flows/${flowId}/webhook-secret`, undefined, { as: ops });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.secret).toMatch(/^[0-9a-f]{64}$/);
    const raw = await system.app.request(`/api/flows/${flowId}/webhook-secret`, { headers: { authorization: `Bearer ${ops.token}` } });
    expect(raw.headers.get('cache-control')).toBe('no-store');
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/webhook-secret`, undefined, { as: org.rep })).status).toBe(403);
    expect((await call(system.app, 'GET', '/api/flows/00000000-0000-4000-8000-000000000000/webhook-secret')).status).toBe(404);
  });
});
