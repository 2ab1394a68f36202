import { describe, expect, it, onTestFinished } from 'vitest';
import { createOrgChart } from '../support/factories';
import { closeProject, portsOf, runToTheEnd } from '../support/flow-runs';
import { startHttpReceiver } from '../support/http-receiver';
import { useSystem } from '../support/system';
import { webhookFlow } from '../support/webhook-flow';

// No MILEPOST_WEBHOOK_ALLOW: this worker's webhooks reach public addresses only.
const system = useSystem();

describe('the webhook step’s address guard on the real engine', () => {
  it.each([
    ['an address in the URL', (port: number) => `http://127.0.0.1:${port}/hook`, /127\.0\.0\.1 is a loopback address; webhooks may not reach it unless MILEPOST_WEBHOOK_ALLOW allows it/],
    ['a host name that resolves to it', (port: number) => `http://localhost:${port}/hook`, /localhost resolves to (127\.0\.0\.1|::1), which is a loopback address; .*MILEPOST_WEBHOOK_ALLOW/],
  ])('refuses a loopback receiver given by %s, at once and without sending anything', async (_how, urlFor, refusal) => {
    const org = await createOrgChart(system.app);
    const hook = await startHttpReceiver();
    onTestFinished(() => hook.close());
    const { projectId, run } = await runToTheEnd(system, org, webhookFlow(urlFor(Number(new URL(hook.origin).port)), { retries: 3 }));
    expect(portsOf(run, 'hook')).toEqual(['failure']);
    expect(run.path.find((step) => step.nodeId === 'hook' && step.note)?.note).toMatch(refusal);
    expect(hook.received).toEqual([]);
    await closeProject(system, projectId, org.rep);
  });
});
