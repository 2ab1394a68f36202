// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { App } from '../../api/app';
import { createSignInPerson, type SignInPerson } from '../support/browser';
import { inSeconds } from '../support/factories';
import { call } from '../support/http';

const web = useWeb();

/** A project the person starts for themselves, and `risks` risks they add to it: one change each. */
async function projectWithRisks(app: App, person: SignInPerson, name: string, risks: number): Promise<string> {
  const created = await call(app, 'POST', '/api/projects', { name, ownerId: person.id, periodStart: inSeconds(-60), periodEnd: inSeconds(90 * 86_400), milestones: [] }, { as: person });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const projectId = created.body.id as string;
  for (let n = 1; n <= risks; n++) {
    const risk = await call(app, 'POST', `/api/projects/${projectId}/risks`, { title: `${name} risk ${n}`, probability: 2, impact: 3 }, { as: person });
    expect(risk.status, JSON.stringify(risk.body)).toBe(201);
  }
  return projectId;
}

const whoShown = (page: Page) => page.getByTestId('history-who').allTextContents();

describe('the audit trail page', () => {
  it('shows an admin only the chosen person’s changes, keeps the filter in the address, and pages back to older changes', async () => {
    const { app } = web.system;
    const suffix = randomUUID().slice(0, 6);
    const admin = await createSignInPerson(app, 'Trail Admin', { role: 'admin' });
    const ann = await createSignInPerson(app, `Ann ${suffix}`);
    const bob = await createSignInPerson(app, `Bob ${suffix}`);
    // More changes than one page (50) holds, the oldest being the project itself.
    const annProject = `Ann’s push ${suffix}`;
    await projectWithRisks(app, ann, annProject, 55);
    const bobProject = await projectWithRisks(app, bob, `Bob’s push ${suffix}`, 1);

    const page = await web.newPage(admin);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await expect.poll(async () => (await whoShown(page)).length).toBe(50);
    // Everybody's changes, newest first. Other test files write to this shared trail at the same
    // time (loading the sample company writes hundreds of rows), so Bob makes one more change right
    // before each look, until his is among the newest.
    await expect
      .poll(async () => {
        await call(app, 'POST', `/api/projects/${bobProject}/risks`, { title: `Bob’s late risk ${randomUUID().slice(0, 4)}`, probability: 1, impact: 1 }, { as: bob });
        await page.reload();
        await page.getByTestId('history-who').nth(49).waitFor();
        return whoShown(page);
      })
      .toContain(bob.name);

    await page.getByTestId('audit-person').selectOption(ann.id);
    await page.waitForURL((url) => url.searchParams.get('person') === ann.id);
    await expect.poll(async () => new Set(await whoShown(page))).toEqual(new Set([ann.name]));
    const trail = page.getByTestId('audit-trail');
    expect(await whoShown(page)).toHaveLength(50);
    expect(await trail.textContent()).toContain(`added the risk “${annProject} risk 55” in ${annProject}`);
    expect(await trail.textContent()).toContain('via API token');
    expect(await trail.textContent()).not.toContain(`“${annProject} risk 1”`);

    // The filter is in the address: a reload (or the link, shared) shows the same changes.
    await page.reload();
    await expect.poll(() => page.getByTestId('audit-person').inputValue()).toBe(ann.id);
    await expect.poll(async () => new Set(await whoShown(page))).toEqual(new Set([ann.name]));
    expect(await whoShown(page)).toHaveLength(50);

    await page.getByRole('button', { name: 'Show older changes' }).click();
    await expect.poll(async () => (await whoShown(page)).length).toBeGreaterThan(50);
    expect(new Set(await whoShown(page))).toEqual(new Set([ann.name]));
    expect(await trail.textContent()).toContain(`added the risk “${annProject} risk 1”`);
    expect(await trail.textContent()).toContain(`added the project “${annProject}”`);
    expect(await page.getByRole('button', { name: 'Show older changes' }).count()).toBe(0);
    await web.screenshot(page, 'audit-trail');

    // Times go to the API with their zone; nothing of Ann's happened before 2000.
    await page.getByTestId('audit-to').fill('2000-01-01T00:00');
    await page.waitForURL((url) => /^2000-01-01T00:00:00[+-]\d\d:\d\d$/.test(url.searchParams.get('to') ?? ''));
    await expect.poll(() => trail.textContent()).toBe('No changes match these filters.');
  });

  it('tells a member who opens it that only admins read the whole trail, and does not offer it', async () => {
    const member = await createSignInPerson(web.system.app, 'Curious Member');
    const page = await web.newPage(member);
    expect(await page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await page.goto(`${web.url}/audit`);
    await expect.poll(() => page.getByTestId('audit-refused').textContent()).toContain('Only admins read the whole audit trail');
    expect(await page.getByTestId('audit-trail').count()).toBe(0);
  });
});
