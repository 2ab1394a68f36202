import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../activities/flow/mailer';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import type { Language } from '../../workflows/i18n';
import { createOrgChart } from '../support/factories';
import { closeProject, finishedRun, flowRunOf, runOnPlanSubmitted } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { singleApproval, inTurn } from '../support/flow-shapes';
import { useSystem } from '../support/system';

let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(() => smtp?.close());
const system = useSystem({ mailer: () => smtpMailer(smtp.url, 'Milepost tests <milepost@milepost.test>') });

const speaks = (userId: string, language: Language | null) => system.db.updateTable('users').set({ language }).where('id', '=', userId).execute();

const mailTo = (email: string) =>
  eventually(async () => {
    const mails = smtp.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    return mails[0]!;
  });

const inboxOf = async (userId: string) => (await call(system.app, 'GET', `/api/users/${userId}/inbox`)).body as { payload: { subject: string; message: string } }[];

const bilingualNotice = (teamId: string): FlowDocument =>
  inTurn('Bilingual notice', [
    {
      id: 'tell',
      kind: 'notify',
      config: {
        recipient: { kind: 'team', teamId },
        channel: 'email',
        subject: 'Plan of {{project.name}} submitted',
        message: 'Hello {{recipient.name}}, the plan of {{project.name}} is in.',
        subjectZh: '{{project.name}} 的计划已提交',
        messageZh: '{{recipient.name}}，您好：{{project.name}} 的计划已提交。',
      },
    },
  ]);

describe('messages in the recipient’s language', () => {
  it('sends one notification step in each recipient’s language: Chinese e-mail and inbox text to a zh-CN reader, English to the one without a language', async () => {
    const org = await createOrgChart(system.app);
    await speaks(org.manager.id, 'zh-CN');
    const team = await call(system.app, 'POST', '/api/teams', { name: `Bilingual ${org.manager.id.slice(0, 8)}`, memberIds: [org.manager.id, org.director.id] });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, bilingualNotice(team.body.id));
    const chinese = await mailTo(org.manager.email);
    const english = await mailTo(org.director.email);
    expect(chinese.subject).toBe(`${projectName} 的计划已提交`);
    expect(chinese.text).toBe(`${org.manager.name}，您好：${projectName} 的计划已提交。`);
    expect(english.subject).toBe(`Plan of ${projectName} submitted`);
    expect(english.text).toBe(`Hello ${org.director.name}, the plan of ${projectName} is in.`);
    await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect((await inboxOf(org.manager.id)).map((i) => i.payload.message)).toContain(`${org.manager.name}，您好：${projectName} 的计划已提交。`);
    expect((await inboxOf(org.director.id)).map((i) => i.payload.message)).toContain(`Hello ${org.director.name}, the plan of ${projectName} is in.`);
    await closeProject(system, projectId, org.rep);
  });

  it('e-mails a zh-CN approver a Chinese request with Chinese link lines, and the link opens a Chinese page that decides', async () => {
    const org = await createOrgChart(system.app);
    await speaks(org.manager.id, 'zh-CN');
    const flow = singleApproval(org.manager.id, {
      name: 'Bilingual approval',
      channel: 'email',
      subject: 'Approve the plan of {{project.name}}',
      message: 'Hello {{recipient.name}}, please approve or reject the plan.',
      subjectZh: '请审批 {{project.name}} 的计划',
      messageZh: '{{recipient.name}}，您好：请批准或驳回该计划。',
      timeout: { amount: 600, unit: 'seconds' },
    });
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, flow);
    const mail = await mailTo(org.manager.email);
    expect(mail.subject).toBe(`请审批 ${projectName} 的计划`);
    expect(mail.text).toContain(`${org.manager.name}，您好：请批准或驳回该计划。`);
    expect(mail.text).toMatch(/^驳回：\S+$/m);
    expect(mail.text).toContain('链接仅限您本人使用一次，有效期至');
    expect(mail.text).not.toMatch(/Approve:|Each link/);
    const approve = new URL(/^批准：(\S+)$/m.exec(mail.text)![1]!).pathname;

    // The page speaks the approver's language even to a browser that asks for English.
    const page = await system.app.request(approve, { headers: { 'accept-language': 'en-US' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`以${org.manager.name}的身份批准项目“${projectName}”的计划？`);
    expect(html).toContain('按下按钮之前不会有任何操作');
    expect(html).toContain('打开 Milepost');

    const done = await system.app.request(approve, { method: 'POST' });
    const doneHtml = await done.text();
    expect(done.status, doneHtml).toBe(200);
    expect(doneHtml).toContain('<h1>已批准</h1>');
    expect(doneHtml).toContain(`的身份批准项目“${projectName}”的计划。`);
    await finishedRun(system, (await flowRunOf(system, projectId)).id);
    await closeProject(system, projectId, org.rep);
  });

  it('answers a broken link in the browser’s language when nobody is known', async () => {
    const zh = await system.app.request('/decide/not-a-token', { headers: { 'accept-language': 'zh-CN' } });
    expect(await zh.text()).toContain('<h1>此链接无效</h1>');
    const en = await system.app.request('/decide/not-a-token');
    expect(await en.text()).toContain('<h1>This link is not valid</h1>');
  });
});
