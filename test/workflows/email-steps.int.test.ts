import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../activities/flow/mailer';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { createOrgChart } from '../support/factories';
import { closeProject, finishedRun, flowRunOf, portsOf, runOnPlanSubmitted } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver';
import { testDecisionLinks, useSystem } from '../support/system';
import { inTurn, singleApproval } from '../support/flow-shapes';

const from = 'Milepost tests <milepost@milepost.test>';
let smtp: SmtpReceiver;
// Registered before useSystem's hooks, so the SMTP server listens when the worker starts.
beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(() => smtp?.close());
// The worker sends with the real SMTP mailer (nodemailer), as SMTP_URL makes it do in production.
const system = useSystem({ mailer: () => smtpMailer(smtp.url, from) });

const notifyByEmail = (): FlowDocument =>
  inTurn('Notify by e-mail', [
    {
      id: 'tell',
      kind: 'notify',
      config: {
        recipient: { kind: 'owner_manager', fallback: { kind: 'project_owner' } },
        channel: 'email',
        subject: 'Plan of {{project.name}} submitted',
        message: 'Hello {{recipient.name}}, {{project.owner.name}} submitted the plan of {{project.name}}.',
      },
    },
  ]);

const approvalByEmail = (approverId: string) =>
  singleApproval(approverId, { name: 'Approval by e-mail', channel: 'email', subject: 'Approve the plan of {{project.name}}', message: 'Hello {{recipient.name}}, please approve or reject the plan.', timeout: { amount: 600, unit: 'seconds' } });

/** The one mail the SMTP server received for this address. */
const mailTo = (email: string) =>
  eventually(async () => {
    const mails = smtp.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    return mails[0]!;
  });

const linkIn = (mail: ReceivedMail, answer: 'Approve' | 'Reject') => {
  const url = new RegExp(`^${answer}: (\\S+)$`, 'm').exec(mail.text)?.[1];
  expect(url, mail.text).toBeDefined();
  expect(url!.startsWith(`${testDecisionLinks.publicUrl}/decide/`)).toBe(true);
  return new URL(url!).pathname;
};

describe('e-mail steps through a real SMTP server', () => {
  it('e-mails a notification to the owner’s manager with its subject and text rendered', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, notifyByEmail());
    const mail = await mailTo(org.manager.email);
    expect(mail.to).toEqual([org.manager.email]);
    expect(mail.from).toBe('milepost@milepost.test');
    expect(mail.subject).toBe(`Plan of ${projectName} submitted`);
    expect(mail.text).toBe(`Hello ${org.manager.name}, ${org.rep.name} submitted the plan of ${projectName}.`);
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect(portsOf(run, 'tell')).toEqual(['next']);
    expect(run.path.find((step) => step.nodeId === 'tell' && step.note)?.note).toBe('told 1 person');
    await closeProject(system, projectId, org.rep);
  });

  it('e-mails an approval whose approve link decides once: the first POST approves, the second says the link is used', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, approvalByEmail(org.manager.id));
    const mail = await mailTo(org.manager.email);
    expect(mail.subject).toBe(`Approve the plan of ${projectName}`);
    expect(mail.text).toContain(`Hello ${org.manager.name}, please approve or reject the plan.`);
    const approve = linkIn(mail, 'Approve');
    linkIn(mail, 'Reject');

    const post = async (path: string) => {
      const response = await system.app.request(path, { method: 'POST' });
      return { status: response.status, text: await response.text() };
    };
    const first = await post(approve);
    expect(first.status, first.text).toBe(200);
    expect(first.text).toContain('You approved the plan of project');
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect(portsOf(run, 'decide')).toEqual(['approved']);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('execution'));

    const second = await post(approve);
    expect(second.status).toBe(409);
    expect(second.text).toContain('This link was already used');
    await closeProject(system, projectId, org.rep);
  });
});
