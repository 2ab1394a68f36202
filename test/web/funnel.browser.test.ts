// The API (through web-support) is imported before the flow language on purpose (see planning-and-approval).
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createProject, inSeconds } from '../support/factories';
import { call } from '../support/http';

const web = useWeb();
const day = 86_400;

describe('the funnel on the sales plan page', () => {
  it('lets the owner set the stages and average deal, then shows each stage’s plan against the counts reported and where conversion falls short', async () => {
    const org = await createSignInOrgChart(web.system);
    const period = { start: inSeconds(-100 * day), end: inSeconds(265 * day) };
    const project = await createProject(web.system.app, org.rep.id, 'Funnel', { periodStart: period.start, periodEnd: period.end });
    const goal = await call(web.system.app, 'POST', `/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 5_000_000, period });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);

    const page = await web.newPage(org.rep);
    await page.goto(`${web.url}/projects/${project.id}/sales-plan`);
    const section = page.getByTestId('funnel');
    await expect.poll(() => section.textContent()).toContain('No funnel is set yet');

    const editor = section.getByRole('form', { name: 'Stages and average deal' });
    await section.getByText('Stages and average deal').click();
    await editor.getByLabel('Average deal').fill('0');
    await editor.getByRole('button', { name: 'Save the funnel' }).click();
    await expect.poll(() => editor.locator('.field__error').allTextContents()).toEqual(['must be more than 0']);
    await editor.getByLabel('Average deal').fill('50000');
    await editor.getByRole('button', { name: 'Save the funnel' }).click();

    const stages = section.getByTestId('funnel-stages');
    await expect.poll(() => stages.locator('tbody tr td:first-child').allTextContents()).toEqual(['Prospects', 'Qualified leads', 'Demos and proposals', 'Contracts']);
    expect(await stages.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['1,600', '400', '200', '100']);

    for (const [metric, value] of [['qualified_leads', 60], ['proposals', 10], ['contracts', 6]] as const) {
      const report = await call(web.system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric, value, reportedAt: inSeconds(-30 * day) });
      expect(report.status, JSON.stringify(report.body)).toBe(201);
    }
    await page.reload();
    await expect.poll(() => stages.locator('tbody tr').nth(1).textContent()).toContain('Falls short');
    expect(await stages.locator('tbody tr').nth(1).textContent()).toContain('Behind plan');
    await web.screenshot(page, 'funnel');
  });
});
