// The API (through support/browser) is imported before anything that makes zod schemas.
import { useWeb } from './web-support';
import type { SignInPerson } from '../support/browser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';
import { call } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';

// An instance of the file's own: a sales team with Chinese names (and one Latin one), so every
// name on the screen is theirs and the people list shows them all.
const web = useWeb(useFreshInstance('projects_i18n'));

const DAY_MS = 86_400_000;
const projectName = '华东区年度销售计划';

let manager: SignInPerson;
let projectId: string;
/** What the screens show of the test's own data: the Latin name and the e-mails (and the default flows' names). */
let allow: string[];

beforeAll(async () => {
  const db = web.system.db;
  const admin = await createPersonIn(db, '孙丽', 'admin', null, 'sun.li@example.com');
  manager = await createPersonIn(db, '张伟', 'manager', admin.id, 'zhang.wei@example.com');
  const reports = [
    await createPersonIn(db, '赵敏', 'member', manager.id, 'zhao.min@example.com'),
    await createPersonIn(db, '李娜', 'member', manager.id, 'li.na@example.com'),
    await createPersonIn(db, '王芳', 'member', manager.id, 'wang.fang@example.com'),
  ];
  const alice = await createPersonIn(db, 'Alice', 'member', manager.id);
  const flows = await db.selectFrom('flows').select('name').execute();
  allow = [alice.name, ...[admin, manager, ...reports, alice].map((p) => p.email), ...flows.map((f) => f.name)];

  const start = Date.now() - 60 * DAY_MS;
  const end = Date.now() + 300 * DAY_MS;
  const period = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
  const post = async (to: string, body: unknown, as: SignInPerson = admin) => {
    const res = await call(web.system.app, 'POST', to, body, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  projectId = (await post('/api/projects', { name: projectName, ownerId: manager.id, periodStart: period.start, periodEnd: period.end, milestones: [] })).id;
  const goal = await post(`/api/projects/${projectId}/goals`, { metric: 'custom', customMetricName: '签约额', unit: '万元', direction: 'at_least', target: 500, period });
  for (const [name, days, target] of [['第一季度签约', 30, 120], ['第二季度签约', 120, 250], ['全年签约', 290, 500]] as const) {
    await post(`/api/projects/${projectId}/milestones`, { name, goalId: goal.id, targetValue: target, dueAt: new Date(start + days * DAY_MS).toISOString(), ownerId: manager.id });
  }
  await post(`/api/projects/${projectId}/kpi-reports`, { metric: '签约额', value: 80, reportedAt: new Date(start + 20 * DAY_MS).toISOString() }, manager);
  await post(`/api/projects/${projectId}/kpi-reports`, { metric: '签约额', value: 60, reportedAt: new Date(start + 50 * DAY_MS).toISOString() }, manager);
});

/** The rows of the people table, as their first cell (the name) reads. */
const tableNames = (page: Page) => page.locator('table.table tbody tr td:first-child').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));

describe.each([
  { locale: 'en-US', suffix: 'en' },
  { locale: 'zh-CN', suffix: 'zh-CN' },
])('a manager’s projects and people in $locale', ({ locale, suffix }) => {
  const chinese = locale === 'zh-CN';
  /** In Chinese, nothing English is left on the screen but the test's own data. */
  const nothingEnglishLeft = async (page: Page) => {
    if (chinese) expect(await englishLeftOn(page, allow)).toEqual([]);
  };
  const shot = (page: Page, name: string) => web.screenshot(page, `${name}-${suffix}`);

  it('shows the project list, the project’s dashboard with its chart, milestones and KPI entry, and the people page with the org chart', { timeout: 180_000 }, async () => {
    const page = await web.newPage(manager, { locale });

    // The project list.
    await page.goto(`${web.url}/projects`);
    const row = page.getByTestId('project-row').filter({ hasText: projectName });
    await row.waitFor();
    await expect.poll(() => page.getByTestId('project-count').textContent()).toBe(chinese ? '1 个项目' : '1 project');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(chinese ? '项目' : 'Projects');
    // A fragment of the Chinese name finds it.
    await page.getByTestId('project-search').fill('华东');
    await expect.poll(() => page.getByTestId('project-count').textContent()).toBe(chinese ? '1 个项目符合条件' : '1 project match');
    await shot(page, 'projects-list');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await nothingEnglishLeft(page);

    // The project's page: the dashboard with its plan-vs-actual chart, milestones and KPI entry.
    await row.getByRole('link', { name: projectName }).click();
    const milestones = page.getByRole('region', { name: chinese ? '里程碑' : 'Milestones' });
    await milestones.getByText('第一季度签约').waitFor();
    await page.locator('[data-testid^="goal-"] svg').first().waitFor();
    // 140 reported before the test; the other language's run reports 30 more.
    const actual = async () => Number(/[\d,.]+/.exec((await page.getByTestId('goal-actual').textContent()) ?? '')?.[0].replaceAll(',', ''));
    const before = await actual();
    expect([140, 170]).toContain(before);
    expect(await page.getByTestId('goal-actual').textContent()).toContain('万元');
    const entry = page.getByTestId('kpi-entry');
    await entry.getByLabel(chinese ? '数值' : 'Value').fill('30');
    await entry.getByRole('button', { name: chinese ? '上报' : 'Report' }).click();
    await expect.poll(() => entry.getByRole('status').textContent()).toBe(chinese ? '已上报签约额：30。' : 'Reported 签约额: 30.');
    await expect.poll(actual).toBe(before + 30);
    await shot(page, 'projects-dashboard');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await nothingEnglishLeft(page);

    // The people page: the org chart and everyone in the table, Chinese names by pinyin in Chinese.
    await page.goto(`${web.url}/people`);
    await expect.poll(() => page.getByTestId('org-chart').getAttribute('data-laid-out')).toBe('true');
    await page.getByTestId(`org-person-${manager.id}`).waitFor();
    await expect.poll(() => tableNames(page)).toHaveLength(6);
    if (chinese) {
      expect(await tableNames(page)).toEqual(['李娜', '孙丽', '王芳', '张伟', '赵敏', 'Alice']);
      const chainChoices = await page.getByTestId('chain-of').locator('option').allTextContents();
      expect(chainChoices).toEqual(['不选择', '李娜', '孙丽', '王芳', '张伟', '赵敏', 'Alice']);
      expect(await page.getByTestId('escalation-chain').textContent()).toBe('张伟 → 孙丽');
    }
    await shot(page, 'people');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await nothingEnglishLeft(page);
  });
});
