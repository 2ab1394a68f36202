// The API (through support/browser) is imported before anything that makes zod schemas.
import { useServedApp, type SignInPerson } from '../support/browser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleEmailOf, samplePeople } from '../../api/sample-company/sample-plan';
import { sampleWords } from '../../api/sample-company/sample-words';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';
import { call, eventually } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';

// An instance of the file's own with the sample company loaded: every page has something to show.
vi.setConfig({ expect: { poll: { timeout: 30_000, interval: 200 } } });
const served = useServedApp({ worker: true, pageTimeoutMs: 30_000, failurePrefix: 'every-page-zh-', ...useFreshInstance('every_page_zh') });

let admin: SignInPerson;
let allow: string[];
let names: string[];
const ids = { annual: '', push: '', flow: '' };

beforeAll(async () => {
  // A Chinese admin, who reads Chinese (what the server writes to them too) and loads the sample company in it.
  admin = await createPersonIn(served.system.db, '林静', 'admin', null, 'lin.jing@example.com');
  await served.system.db.updateTable('users').set({ language: 'zh-CN' }).where('id', '=', admin.id).execute();
  const loaded = await call<{ projects: { id: string; name: string }[]; people: { name: string }[] }>(served.system.app, 'POST', '/api/sample-company', undefined, { as: admin, headers: { 'accept-language': 'zh-CN' } });
  expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
  [ids.annual, ids.push] = loaded.body.projects.map((project) => project.id) as [string, string];
  names = [...loaded.body.projects, ...loaded.body.people].map((named) => named.name);
  // Once the annual plan runs: a change of a milestone's due date and of its monitoring window, waiting for approval.
  await eventually(async () => expect((await call(served.system.app, 'GET', `/api/projects/${ids.annual}`, undefined, { as: admin })).body.lifecycle.phase).toBe('execution'), { timeoutMs: 30_000, intervalMs: 250 });
  const milestone = await served.system.db.selectFrom('milestones').select('id').where('projectId', '=', ids.annual).where('status', '=', 'pending').orderBy('dueAt', 'desc').executeTakeFirstOrThrow();
  for (const change of [
    { subjectKind: 'milestone', subjectId: milestone.id, field: 'due_at', after: new Date(Date.now() + 400 * 86_400_000).toISOString(), reason: '客户推迟签约' },
    { subjectKind: 'project', subjectId: ids.annual, field: 'monitoring_days', after: 10, reason: '延长监控期' },
  ]) {
    const requested = await call(served.system.app, 'POST', `/api/projects/${ids.annual}/change-requests`, change, { as: admin, headers: { 'accept-language': 'zh-CN' } });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  }
  // The second plan, cancelled: its closing review starts by itself.
  const closed = await call(served.system.app, 'POST', `/api/projects/${ids.push}/close`, { outcome: 'cancelled' }, { as: admin });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  await eventually(async () => expect((await call(served.system.app, 'GET', `/api/projects/${ids.push}/retrospective`, undefined, { as: admin })).status).toBe(200), { timeoutMs: 30_000, intervalMs: 250 });
  // The default flows are data an instance starts with, named as ops staff named them: their names and step labels.
  const flows = await served.system.db.selectFrom('flows').select(['id', 'name', 'draft']).execute();
  ids.flow = flows[0]!.id;
  const labels = flows.flatMap((flow) => JSON.stringify(flow.draft).match(/"label":"[^"]*"/g) ?? []).map((label) => label.slice('"label":"'.length, -1));
  // And the people's e-mail addresses, and the name of the admin's API token.
  allow = [...flows.map((flow) => flow.name), ...labels, ...samplePeople.map((person) => sampleEmailOf(person.key)), admin.email, 'test'];
});

/** Waits until the page has answered every request it made and shows no loading state. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1, .react-flow__node').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[aria-busy="true"], .page-state--loading').count()).toBe(0);
}

describe('every page in Chinese, with the sample company loaded in Chinese', () => {
  it('shows no English words on any page an admin opens, but the default flows’ names and e-mail addresses', { timeout: 300_000 }, async () => {
    // Loaded by a Chinese reader, the sample company is Chinese too.
    const zh = sampleWords['zh-CN'];
    expect(names).toEqual([zh.annualPlanName, zh.pushProjectName, ...samplePeople.map((person) => zh.people[person.key])]);
    const page = await served.signedInPage(admin, { locale: 'zh-CN' });
    const pages = [
      '/projects',
      `/projects/${ids.annual}`,
      `/projects/${ids.annual}/plan`,
      `/projects/${ids.annual}/sales-plan`,
      `/projects/${ids.push}`,
      `/projects/${ids.push}/plan`,
      `/projects/${ids.push}/sales-plan`,
      `/projects/${ids.push}/retrospective`,
      '/projects/new',
      '/inbox',
      '/people',
      '/account',
      '/audit',
      '/chat-channels',
      '/calendars',
      '/flows',
      `/flows/${ids.flow}`,
      `/flows/${ids.flow}/versions/1`,
      `/flows/${ids.flow}/compare`,
    ];
    // The notice on the project list names the marks the sample was written with.
    await page.goto(`${served.url}/projects`);
    await expect.poll(() => page.getByTestId('sample-notice').textContent()).toContain('名字带“（示例）”的人员和 2 个名为“示例：…”的项目');
    const left: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(`${served.url}${path}`);
      await settled(page);
      const english = await englishLeftOn(page, allow);
      if (english.length > 0) left[path] = english;
    }
    expect(left).toEqual({});
  });
});
