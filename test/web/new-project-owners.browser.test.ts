// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';

const web = useWeb();

describe('the owner of a new project', () => {
  it('is chosen by a manager among themself and the people below them only, as the API would allow', async () => {
    const org = await createSignInOrgChart(web.system);
    const page = await web.newPage(org.manager);
    await page.goto(`${web.url}/projects/new`);
    const owner = page.getByTestId('project-owner');
    await expect.poll(() => owner.locator('option').count()).toBeGreaterThan(1);
    const offered = await owner.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== ''));
    expect(offered.sort()).toEqual([org.manager.id, org.rep.id].sort());
  });
});
