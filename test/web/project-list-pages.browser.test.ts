// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb } from './web-support';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';

const web = useWeb();
const DAY_MS = 86_400_000;

describe('the project list, a page at a time', () => {
  it('shows the newest 50 projects, loads the next page on "Show more" with focus on the first new one, and searches beyond what is loaded', async () => {
    const org = await createSignInOrgChart(web.system);
    const tag = randomUUID().slice(0, 6);
    // 63 projects of the manager's rep, a second apart: Paged 63 is the newest.
    await web.system.db
      .insertInto('sales_projects')
      .values(
        Array.from({ length: 63 }, (_, i) => ({
          name: `Paged ${tag} ${i + 1}`,
          ownerId: org.rep.id,
          periodStart: new Date(Date.now() - 10 * DAY_MS),
          periodEnd: new Date(Date.now() + 90 * DAY_MS),
          createdAt: new Date(Date.now() - (63 - i) * 1000),
        })),
      )
      .execute();

    const page = await web.newPage(org.manager);
    await page.goto(`${web.url}/projects`);
    const rows = page.getByTestId('project-row');
    const names = () => rows.locator('.plist__name').allTextContents();
    await expect.poll(() => rows.count()).toBe(50);
    expect((await names())[0]).toBe(`Paged ${tag} 63`);
    expect(await page.getByTestId('project-count').textContent()).toContain('Showing the newest 50 projects; more below.');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Show 50 more projects' }).click();
    await expect.poll(() => rows.count()).toBe(63);
    expect((await names()).at(-1)).toBe(`Paged ${tag} 1`);
    expect(new Set(await names()).size).toBe(63);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Paged ${tag} 13`);
    await expect.poll(() => page.getByTestId('project-count').textContent()).toContain('63 projects');
    expect(await page.getByTestId('more-projects').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    // A search reaches projects on pages not loaded yet: a fresh page of the list, from the API.
    await page.goto(`${web.url}/projects`);
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByTestId('project-search').fill(`Paged ${tag} 1`);
    await expect.poll(names).toEqual([`Paged ${tag} 19`, `Paged ${tag} 18`, `Paged ${tag} 17`, `Paged ${tag} 16`, `Paged ${tag} 15`, `Paged ${tag} 14`, `Paged ${tag} 13`, `Paged ${tag} 12`, `Paged ${tag} 11`, `Paged ${tag} 10`, `Paged ${tag} 1`]);
    expect(await page.getByTestId('project-count').textContent()).toContain('11 projects match');
  });
});
