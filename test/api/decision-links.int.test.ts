import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { createDecisionLinkMinter } from '../../activities/flow/decision-links';
import { systemClock } from '../../activities/clock';
import { milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import { loadConfig } from '../../api/config';
import { resolveLinkSecret } from '../../api/decision-links/secret';
import { bind, createOrgChart, createProject, inSeconds, publishFlow, startExecution, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import type { Person } from '../support/people';
import { capturingMailer, testDecisionLinks, useSystem } from '../support/system';
import { singleApproval } from '../support/flow-shapes';

const mailer = capturingMailer();
const system = useSystem({ mailer });


/** plan_submitted → an approval asked by e-mail → approved / rejected. */
const emailedApproval = (approverId: string) =>
  singleApproval(approverId, { name: 'Approval by e-mail', channel: 'email', subject: 'Approve the plan of {{project.name}}', message: 'Hello {{recipient.name}}, please approve or reject the plan.', timeout: { amount: 600, unit: 'seconds' } });

/** A project in planning whose plan, once submitted, the manager is asked by e-mail to approve. */
async function submittedForApproval(org: OrgChart) {
  const { id: projectId, name: projectName } = await createProject(system.app, org.rep.id, 'Links');
  await bind(system.app, 'plan_submitted', projectId, await publishFlow(system.app, emailedApproval(org.manager.id)));
  const submitted = await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  const request = await pendingRequest(org.manager);
  return { projectId, projectName, request, links: await linksMailedTo(org.manager) };
}

async function pendingRequest(person: Person) {
  return eventually(async () => {
    const res = await call(system.app, 'GET', `/api/users/${person.id}/approvals?status=pending`, undefined, { as: person });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toHaveLength(1);
    return res.body[0] as { id: string; flowRunId: string; status: string };
  });
}

/** The links in the e-mail sent to this person, by answer, as paths of the app. */
async function linksMailedTo(person: Person): Promise<Record<string, string>> {
  const mail = await eventually(async () => {
    const found = mailer.sent.find((m) => m.to === person.email);
    expect(found).toBeDefined();
    return found!;
  });
  const links: Record<string, string> = {};
  for (const [, label, url] of mail.text.matchAll(/^(Approve|Reject|Acknowledge): (\S+)$/gm)) {
    expect(url!.startsWith(`${testDecisionLinks.publicUrl}/decide/`)).toBe(true);
    links[label!.toLowerCase()] = new URL(url!).pathname;
  }
  return links;
}

const page = async (path: string, method: 'GET' | 'POST' = 'GET', form?: Record<string, string>) => {
  const response = await system.app.request(path, {
    method,
    ...(form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() } : {}),
  });
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), text: await response.text() };
};

const requestRow = (id: string) => system.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const linkRows = (requestId: string) => system.db.selectFrom('decision_links').selectAll().where('targetId', '=', requestId).orderBy('decision').execute();
const tokenOf = (path: string) => path.split('/').pop()!;

describe('decision links in e-mailed requests', () => {
  it('e-mails an approval with one approve and one reject link, and keeps the inbox copy as it was', async () => {
    const org = await createOrgChart(system.app);
    const { request, links } = await submittedForApproval(org);
    expect(Object.keys(links).sort()).toEqual(['approve', 'reject']);
    const rows = await linkRows(request.id);
    expect(rows.map((r) => [r.decision, r.userId, r.targetKind, r.usedAt])).toEqual([
      ['approve', org.manager.id, 'approval', null],
      ['reject', org.manager.id, 'approval', null],
    ]);
    // Expiry: the request's due time (10 minutes here), never more than 7 days.
    const due = (await requestRow(request.id)).dueAt.getTime();
    for (const row of rows) expect(Math.abs(row.expiresAt.getTime() - due)).toBeLessThan(1000);

    const inbox = await call(system.app, 'GET', `/api/users/${org.manager.id}/inbox`, undefined, { as: org.manager });
    const item = (inbox.body as { payload: { requestId?: string; message: string } }[]).find((i) => i.payload.requestId === request.id);
    expect(item?.payload.message).toBe(`Hello ${org.manager.name}, please approve or reject the plan.`);
  });

  it('shows a confirmation page on GET and decides nothing, however often it is opened', async () => {
    const org = await createOrgChart(system.app);
    const { request, links, projectName } = await submittedForApproval(org);
    for (let i = 0; i < 2; i++) {
      const shown = await page(links.approve!);
      expect(shown.status).toBe(200);
      expect(shown.type).toMatch(/text\/html/);
      expect(shown.text).toContain(`Approve the plan of project “${projectName}” as ${org.manager.name}?`);
      expect(shown.text).toContain(`<form method="post" action="${links.approve}">`);
      expect(shown.text).not.toMatch(/<script/i);
      expect(shown.csp).toContain("default-src 'none'");
    }
    expect((await requestRow(request.id)).status).toBe('pending');
    expect((await linkRows(request.id)).every((r) => r.usedAt === null)).toBe(true);
  });

  it('approves on POST and the flow run moves on; a double click and the reject link then answer 409, and one decision stands', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, request, links } = await submittedForApproval(org);

    const [first, second] = await Promise.all([page(links.approve!, 'POST'), page(links.approve!, 'POST')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const done = first.status === 200 ? first : second;
    expect(done.text).toContain('You approved the plan of project');
    expect((first.status === 409 ? first : second).text).toContain('This link was already used');

    const decided = await requestRow(request.id);
    expect(decided).toMatchObject({ status: 'approved', decidedBy: org.manager.id });
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('execution'));
    await eventually(async () => expect((await call(system.app, 'GET', `/api/flow-runs/${request.flowRunId}`)).body.status).toBe('completed'));

    const again = await page(links.approve!, 'POST');
    expect(again.status).toBe(409);
    expect(again.text).toContain(`It was approved by ${org.manager.name}`);
    const reject = await page(links.reject!, 'POST', { comment: 'Too late to say no' });
    expect(reject.status).toBe(409);
    expect(reject.text).toContain('This request is no longer waiting for an answer');
    expect(await requestRow(request.id)).toMatchObject({ status: 'approved', comment: null });
    const rows = await linkRows(request.id);
    expect(rows.map((r) => [r.decision, r.usedAt !== null])).toEqual([
      ['approve', true],
      ['reject', false],
    ]);
  });

  it('writes the decision into the audit trail as the person, naming the link', async () => {
    const org = await createOrgChart(system.app);
    const { request, links } = await submittedForApproval(org);
    expect((await page(links.approve!, 'POST')).status).toBe(200);
    const [approveLink] = await linkRows(request.id);
    const events = await system.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'approval_requests')
      .where('entityId', '=', request.id)
      .where('action', '=', 'update')
      .execute();
    const decision = events.find((e) => (e.after as { status?: string }).status === 'approved');
    expect(decision).toMatchObject({ actorKind: 'user', actorUserId: org.manager.id, actorDetail: `link:${approveLink!.id}` });
  });

  it('rejects through the reject link only with a reason; without one the link stays unused', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, request, links } = await submittedForApproval(org);
    const confirm = await page(links.reject!);
    expect(confirm.text).toMatch(/<textarea id="comment" name="comment" required/);

    const bare = await page(links.reject!, 'POST');
    expect(bare.status).toBe(400);
    expect(bare.text).toContain('A rejection needs a reason.');
    const unknownField = await page(links.reject!, 'POST', { comment: 'No', decision: 'approve' });
    expect(unknownField.status).toBe(400);
    expect((await linkRows(request.id)).every((r) => r.usedAt === null)).toBe(true);
    expect((await requestRow(request.id)).status).toBe('pending');

    const rejected = await page(links.reject!, 'POST', { comment: 'Targets <b>too</b> low' });
    expect(rejected.status).toBe(200);
    expect(await requestRow(request.id)).toMatchObject({ status: 'rejected', comment: 'Targets <b>too</b> low' });
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.lifecycle.planRejection).toContain('too'));
  });

  it('refuses an expired link with 410 and decides nothing', async () => {
    const org = await createOrgChart(system.app);
    const { request, links } = await submittedForApproval(org);
    const [approveLink] = await linkRows(request.id);
    const past = Math.floor(Date.now() / 1000) - 60;
    await system.db.updateTable('decision_links').set({ expiresAt: new Date(past * 1000) }).where('id', '=', approveLink!.id).execute();
    const expiredToken = await sign({ jti: approveLink!.id, sub: org.manager.id, dec: 'approve', exp: past }, testDecisionLinks.secret, 'HS256');

    for (const path of [`/decide/${expiredToken}`, links.approve!]) {
      const shown = await page(path);
      expect(shown.status).toBe(410);
      expect(shown.text).toContain('This link has expired');
      expect((await page(path, 'POST')).status).toBe(410);
    }
    expect((await requestRow(request.id)).status).toBe('pending');
    expect((await linkRows(request.id)).every((r) => r.usedAt === null)).toBe(true);
  });

  it('refuses a tampered or foreign token with 400 and decides nothing', async () => {
    const org = await createOrgChart(system.app);
    const { request, links } = await submittedForApproval(org);
    const [header, payload, signature] = tokenOf(links.reject!).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    // The reject link's claims, changed to approve, keep the old signature.
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, dec: 'approve' })).toString('base64url'), signature].join('.');
    const foreign = await sign({ ...claims, dec: 'approve' }, 'some-other-secret-that-is-long-enough-123', 'HS256');
    const unsigned = [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), Buffer.from(JSON.stringify(claims)).toString('base64url'), ''].join('.');
    for (const token of [tampered, foreign, unsigned, 'not-a-token']) {
      const shown = await page(`/decide/${token}`);
      expect(shown.status, token).toBe(400);
      expect(shown.text).toContain('This link is not valid');
      expect((await page(`/decide/${token}`, 'POST')).status).toBe(400);
    }
    expect((await requestRow(request.id)).status).toBe('pending');
  });

  it('acknowledges an escalation through the link in its e-mail', async () => {
    const org = await createOrgChart(system.app);
    const flow = structuredClone(milestoneMissEscalationFlow);
    flow.name = 'Escalation by e-mail';
    for (const node of flow.nodes) if (node.kind === 'wait_for_ack') Object.assign(node.config, { channel: 'email', timeout: { amount: 120, unit: 'seconds' } });
    const created = await createProject(system.app, org.rep.id, 'Escalated', {
      periodEnd: inSeconds(4),
      monitoringDays: 0,
      milestones: [{ name: 'First deals', dueAt: inSeconds(3), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
    });
    await bind(system.app, 'milestone_missed', created.id, await publishFlow(system.app, flow));
    await startExecution(system.app, created.id, org.rep);

    const request = await pendingRequest(org.manager);
    const links = await linksMailedTo(org.manager);
    expect(Object.keys(links)).toEqual(['acknowledge']);
    const confirm = await page(links.acknowledge!);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`Acknowledge the escalation (level 1) about the missed milestone “First deals”`);

    const acked = await page(links.acknowledge!, 'POST');
    expect(acked.status, acked.text).toBe(200);
    expect((await requestRow(request.id)).status).toBe('acknowledged');
    const escalation = await system.db.selectFrom('escalations').selectAll().where('projectId', '=', created.id).executeTakeFirstOrThrow();
    expect(escalation).toMatchObject({ level: 1, recipientId: org.manager.id, acknowledgedBy: org.manager.id });
    await eventually(async () => expect((await call(system.app, 'GET', `/api/flow-runs/${request.flowRunId}`)).body.status).toBe('completed'));
  });

  it('mints no more live links when a delivery is retried', async () => {
    const org = await createOrgChart(system.app);
    const { request } = await submittedForApproval(org);
    const mint = createDecisionLinkMinter({ db: system.db, clock: systemClock, ...testDecisionLinks });
    const input = { userId: org.manager.id, requestId: request.id, kind: 'approval' as const, dueAt: inSeconds(600) };
    const before = await linkRows(request.id);
    const again = await mint(input);
    expect(await linkRows(request.id)).toEqual(before);
    expect(again.map((l) => l.decision)).toEqual(['approve', 'reject']);
    // A link that was used is not handed out again: the retry gets a fresh one for that answer.
    await system.db.updateTable('decision_links').set({ usedAt: new Date() }).where('id', '=', before[0]!.id).execute();
    await mint(input);
    expect(await linkRows(request.id)).toHaveLength(3);
  });
});

describe('the secret that signs decision links', () => {
  it('is generated once for the embedded setup, kept readable by its owner only, and reused after a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'milepost-secret-'));
    try {
      const first = await resolveLinkSecret({ envSecret: undefined, dataDir, embeddedDatabase: true });
      expect(first.source).toBe('generated');
      expect(first.secret.length).toBeGreaterThanOrEqual(32);
      expect((await stat(path.join(dataDir, 'secret'))).mode & 0o777).toBe(0o600);
      expect(await resolveLinkSecret({ envSecret: undefined, dataDir, embeddedDatabase: true })).toMatchObject({ source: 'file', secret: first.secret });
      expect(await resolveLinkSecret({ envSecret: 'x'.repeat(32), dataDir, embeddedDatabase: true })).toMatchObject({ source: 'MILEPOST_SECRET', secret: 'x'.repeat(32) });

      await writeFile(path.join(dataDir, 'secret'), 'too short\n');
      await expect(resolveLinkSecret({ envSecret: undefined, dataDir, embeddedDatabase: true })).rejects.toThrow(/shorter than 32 characters/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('must come from MILEPOST_SECRET, at least 32 characters, when the database is not the embedded one', async () => {
    await expect(resolveLinkSecret({ envSecret: undefined, dataDir: os.tmpdir(), embeddedDatabase: false })).rejects.toThrow(/MILEPOST_SECRET is not set/);
    expect(() => loadConfig({ MILEPOST_SECRET: 'short' })).toThrow(/MILEPOST_SECRET: must be at least 32 characters/);
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ PUBLIC_URL: 'https://milepost.example.com/' }).publicUrl).toBe('https://milepost.example.com');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://milepost.example.com' })).toThrow(/PUBLIC_URL/);
  });
});
