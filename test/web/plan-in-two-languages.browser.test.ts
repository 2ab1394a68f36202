// The API (through web-support) is imported before the flow language on purpose (see planning-and-approval).
import { useWeb } from './web-support';
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planApprovalFlow } from '../../workflows/flow';
import { createSignInPerson } from '../support/browser';
import { seriousAxeFindings } from '../support/axe';
import { bind, publishFlow } from '../support/factories';
import { englishLeftOn } from '../support/i18n-page';

const web = useWeb();

/**
 * What the journey types and expects to read in each language. The Chinese manager measures a
 * goal of her own naming: the API names split milestones after the goal ("<goal> 2027-Q1"), and
 * a standard metric's name comes from the server in English until the server speaks Chinese too.
 */
const languages = [
  {
    locale: 'en-US',
    shot: 'en',
    projectName: (n: number) => `Spring push ${n}`,
    goal: { metric: 'revenue', customName: null, unit: 'CNY' },
    goalShows: 'at least 1,200,000 CNY',
    create: 'Create and plan',
    headings: { newProject: 'New project', split: 'Target split' },
    milestone: { name: 'First key accounts', form: 'Add a milestone', target: 'Target (cumulative)', name_: 'Name', save: 'Add milestone', targetShows: '500,000 CNY' },
    submitted: 'Submitted — waiting for approval.',
  },
  {
    locale: 'zh-CN',
    shot: 'zh-CN',
    projectName: (n: number) => `春季冲刺 ${n}`,
    goal: { metric: 'custom', customName: '新签合同额', unit: 'CNY' },
    goalShows: '至少 ¥1,200,000.00',
    create: '创建并制定计划',
    headings: { newProject: '新建项目', split: '目标分解' },
    milestone: { name: '首批重点客户签约', form: '添加里程碑', target: '目标值（累计）', name_: '名称', save: '添加里程碑', targetShows: '¥500,000.00' },
    submitted: '已提交，等待审批。',
  },
] as const;


/** A local date-time five months ahead, as a datetime-local input takes it: inside the project's default year. */
function fiveMonthsAhead(): string {
  const at = new Date(Date.now() + 150 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T18:00`;
}

describe.each(languages)('a manager plans a project in $locale', (language) => {
  it('creates the project, adds a goal, splits its annual target into quarters and months, adds milestones and submits the plan, every word in the page’s language', async () => {
    const { app } = web.system;
    const director = await createSignInPerson(app, 'Zhang Wei', { role: 'manager' });
    const manager = await createSignInPerson(app, 'Li Na', { role: 'manager', managerId: director.id });
    // The people's own names are test data, not words of the app. The user menu in the frame is the
    // auth screens' (their catalog comes with that branch): until it is merged, its words are let through.
    const allow = [manager.name, director.name];
    const page = await web.newPage(manager, { locale: language.locale });

    /** A screen of the journey as a Chinese reader sees it: nothing left in English; accessible in both languages. */
    async function checkScreen(screen: Page) {
      if (language.locale === 'zh-CN') expect(await englishLeftOn(screen, allow)).toEqual([]);
      expect(await seriousAxeFindings(screen)).toEqual([]);
    }

    // The project's basics.
    await page.goto(`${web.url}/projects/new`);
    await page.getByRole('heading', { level: 1, name: language.headings.newProject }).waitFor();
    await page.getByTestId('project-name').fill(language.projectName(randomInt(100_000, 999_999)));
    await checkScreen(page);
    await page.getByRole('button', { name: language.create }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/plan$/);
    const projectId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // A goal: 1,200,000 CNY over the project's year, read back as money in the page's way.
    const goalForm = page.getByTestId('goal-form');
    await goalForm.getByTestId('goal-metric').selectOption(language.goal.metric);
    if (language.goal.customName !== null) await goalForm.locator('input').first().fill(language.goal.customName);
    await goalForm.getByTestId('goal-unit').fill(language.goal.unit);
    await goalForm.getByTestId('goal-target').fill('1200000');
    await goalForm.getByTestId('goal-save').click();
    await expect.poll(() => page.getByTestId('goals-section').locator('.item-list').textContent()).toContain(language.goalShows);
    await checkScreen(page);

    // The split: by quarter first, then by month under each quarter; the parts add up to the target.
    const split = page.getByTestId('decomposition');
    await split.getByRole('heading', { name: language.headings.split }).waitFor();
    await expect.poll(() => split.getByTestId('split-total').textContent()).toBe('1,200,000');
    const quarters = await split.locator('input.split__weight').count();
    expect(quarters).toBeGreaterThanOrEqual(4);
    await split.getByTestId('split-granularity').selectOption('month');
    // Twelve months, or thirteen when the year, begun at midnight here, reaches into a thirteenth month in the calendar's zone.
    await expect.poll(() => split.locator('input.split__weight').count()).toBeGreaterThanOrEqual(12);
    const months = await split.locator('input.split__weight').count();
    await expect.poll(() => split.locator('.split--stale').count()).toBe(0);
    expect(await split.getByTestId('split-total').textContent()).toBe('1,200,000');
    await checkScreen(page);
    await web.screenshot(page, `plan-decomposition-${language.shot}`);
    await split.getByTestId('split-apply').click();
    const table = page.getByTestId('milestone-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(months);

    // One milestone more, by hand, on the goal.
    const form = page.getByRole('form', { name: language.milestone.form });
    await form.getByRole('textbox', { name: language.milestone.name_, exact: true }).fill(language.milestone.name);
    await form.locator('select[name="goalId"]').selectOption({ index: 1 });
    await form.getByRole('textbox', { name: language.milestone.target }).fill('500000');
    await form.locator('input[name="dueAt"]').fill(fiveMonthsAhead());
    await form.getByRole('button', { name: language.milestone.save }).click();
    await expect.poll(async () => [await table.locator('tbody tr').count(), ...(await form.locator('.field__error, [role="alert"]').allTextContents())]).toEqual([months + 1]);
    expect(await table.textContent()).toContain(language.milestone.name);
    // Its target in the goal's unit, as the goal itself reads.
    expect(await table.locator('tbody tr', { hasText: language.milestone.name }).textContent()).toContain(language.milestone.targetShows);
    await checkScreen(page);

    // The plan goes to the owner's manager (the default approval, bound to this project only).
    await bind(app, 'plan_submitted', projectId, await publishFlow(app, planApprovalFlow));
    await page.getByTestId('submit-plan-button').click();
    await expect.poll(() => page.getByTestId('plan-submitted').textContent()).toContain(language.submitted);
    await checkScreen(page);
  });
});
