// The API (through web-support) is imported before the flow language on purpose: zod schemas made
// before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { pendingRequest, useWeb } from './web-support';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planApprovalFlow } from '../../workflows/flow';
import { createSignInPerson, type SignInPerson } from '../support/browser';
import { seriousAxeFindings } from '../support/axe';
import { bind, createProject, createProjectWithMilestone, inSeconds, publishFlow, startExecution } from '../support/factories';
import { call, eventually } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';
import type { TestSystem } from '../support/system';

const web = useWeb();

/** What each language's run calls its people and says on screen. */
const languages = [
  {
    locale: 'en-US',
    tag: 'en',
    names: { ceo: 'Cora Chief', director: 'Dev Director', manager: 'Mia Manager', rep: 'Ray Rep' },
    reason: 'The targets are too low for the quarter.',
    said: { rejected: 'Rejected:', comment: 'Comment: The targets are too low', title: 'Closing review:', final: 'Final since', answers: 'Team answers' },
  },
  {
    locale: 'zh-CN',
    tag: 'zh-CN',
    names: { ceo: '陈总', director: '杜总监', manager: '王经理', rep: '李销售' },
    reason: '本季度目标定得太低。',
    said: { rejected: '已驳回：', comment: '意见：本季度目标定得太低', title: '复盘：', final: '已定稿于', answers: '团队回答' },
  },
] as const;

/**
 * English a Chinese screen may still show: the test's own data, the milestone the shared factories
 * name. Everything else — inbox texts and the closing review's timeline included, since the people
 * read Chinese — must be Chinese.
 */
const notOursYet = {
  server: [] as string[],
  shared: [] as string[],
  data: ['First deals'],
};

/** A sign-in person with a name of the run's language (the e-mail is made from a Latin one). */
async function person(system: TestSystem, latin: string, name: string, options: { role: 'manager' | 'member'; managerId?: string; language: 'en' | 'zh-CN' }): Promise<SignInPerson> {
  const { language, ...rest } = options;
  const made = await createSignInPerson(system.app, latin, rest);
  // Named in the run's language, and reading it: what the server writes to them is in it too.
  const renamed = await call(system.app, 'PATCH', `/api/users/${made.id}`, { name, language });
  expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  return { ...made, name };
}

async function orgChartIn(system: TestSystem, names: (typeof languages)[number]['names'], language: 'en' | 'zh-CN') {
  const ceo = await person(system, 'Ceo', names.ceo, { role: 'manager', language });
  const director = await person(system, 'Director', names.director, { role: 'manager', managerId: ceo.id, language });
  const manager = await person(system, 'Manager', names.manager, { role: 'manager', managerId: director.id, language });
  const rep = await person(system, 'Rep', names.rep, { role: 'member', managerId: manager.id, language });
  return { ceo, director, manager, rep };
}

/** The screen has everything it says in the page's language, and passes axe. */
async function checkScreen(page: Page, tag: string, allow: readonly string[]): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(tag);
  if (tag === 'zh-CN') expect.soft(await englishLeftOn(page, allow)).toEqual([]);
  expect.soft(await seriousAxeFindings(page)).toEqual([]);
}

describe.each(languages)('the inbox and the closing review in $locale', ({ locale, tag, names, reason, said }) => {
  it('lets a manager reject a plan from the inbox with a reason, and the team fill in and finalize the closing review', async () => {
    const { app } = web.system;
    const org = await orgChartIn(web.system, names, tag);

    // A plan waiting for the manager's approval.
    const planned = await createProject(app, org.rep.id, 'Plan', { milestones: [{ name: 'First deals', dueAt: inSeconds(1800), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }] });
    const allow = [...notOursYet.server, planned.name, ...Object.values(names), ...notOursYet.shared, ...notOursYet.data];
    await bind(app, 'plan_submitted', planned.id, await publishFlow(app, planApprovalFlow));
    const submitted = await call(app, 'POST', `/api/projects/${planned.id}/submit`, {}, { as: org.rep });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await pendingRequest(web.system, org.manager.id, 'approval');

    const manager = await web.newPage(org.manager, { locale });
    await manager.goto(`${web.url}/inbox`);
    const request = manager.getByTestId('inbox-item').filter({ has: manager.getByTestId('approve') });
    await request.waitFor();
    await checkScreen(manager, tag, allow);
    await web.screenshot(manager, `inbox-${tag}`);

    await request.getByTestId('reject').click();
    await request.getByTestId('decision-comment').fill(reason);
    await request.getByTestId('confirm-reject').click();
    await manager.getByTestId('inbox-empty').waitFor();
    expect(await manager.getByTestId('inbox-notice').textContent()).toContain(said.rejected);
    await manager.getByTestId('tab-all').click();
    await expect.poll(() => manager.getByTestId('inbox-list').textContent()).toContain(said.comment);
    await checkScreen(manager, tag, [...allow, reason]);

    // A project that missed its milestone and went on to its closing review by itself.
    const project = await createProjectWithMilestone(app, org, { dueInSeconds: 2, ackTimeoutSeconds: 2, submit: false });
    const projectName = (await call<{ name: string }>(app, 'GET', `/api/projects/${project.id}`)).body.name;
    allow.splice(notOursYet.server.length, 0, projectName);
    const reported = await call(app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'revenue', value: 400 }, { as: org.rep });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    await startExecution(app, project.id, org.rep);
    await eventually(async () => expect((await call(app, 'GET', `/api/projects/${project.id}/retrospective`)).status).toBe(200), { timeoutMs: 30_000, intervalMs: 250 });

    const rep = await web.newPage(org.rep, { locale });
    rep.on('dialog', (dialog) => void dialog.accept());
    await rep.goto(`${web.url}/projects/${project.id}/retrospective`);
    await expect.poll(() => rep.getByRole('heading', { level: 1 }).textContent()).toContain(said.title);
    await expect.poll(() => rep.getByTestId('milestone-strip').locator('.recharts-bar-rectangle').count()).toBe(1);
    await checkScreen(rep, tag, allow);

    const answers = { wentWell: tag === 'en' ? 'Fast first deals' : '首批成交很快', toImprove: tag === 'en' ? 'Earlier pipeline reviews' : '更早复核销售漏斗', action: tag === 'en' ? 'Weekly pipeline review' : '每周复核销售漏斗' };
    await rep.getByTestId('went-well').fill(answers.wentWell);
    await rep.getByTestId('to-improve').fill(answers.toImprove);
    await rep.getByTestId('action-items').fill(answers.action);
    await rep.getByTestId('team-input-save').click();
    await expect.poll(() => rep.getByTestId('team-input-list').textContent()).toContain(answers.action);
    expect(await rep.getByTestId('team-input-list').textContent()).toContain(said.answers);

    await rep.getByTestId('finalize').click();
    await expect.poll(() => rep.getByRole('heading', { level: 1 }).locator('..').textContent()).toContain(said.final);
    await expect.poll(() => rep.getByTestId('escalation-timeline').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await checkScreen(rep, tag, [...allow, ...Object.values(answers)]);
    await web.screenshot(rep, `closing-review-${tag}`);
  });
});
