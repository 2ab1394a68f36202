// The API (through support/browser) is imported before anything that makes zod schemas.
import { useServedApp, type SignInPerson } from '../support/browser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleEmailOf, samplePeople } from '../../api/sample-company/sample-plan';
import { sampleWords } from '../../api/sample-company/sample-words';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';
import { call } from '../support/http';
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
