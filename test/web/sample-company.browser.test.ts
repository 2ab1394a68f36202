// The API (through support/browser) is imported before anything that makes zod schemas.
import { artifactsDir, useServedApp, type SignInPerson } from '../support/browser';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleWords } from '../../api/sample-company/sample-words';
import { seriousAxeFindings } from '../support/axe';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';

// An instance of the file's own, as a first start leaves it: one admin, the default flows, no project.
vi.setConfig({ expect: { poll: { timeout: 30_000, interval: 200 } } });
const served = useServedApp({ worker: true, pageTimeoutMs: 30_000, failurePrefix: 'sample-company-', ...useFreshInstance('sample_web') });

let admin: SignInPerson;
beforeAll(async () => {
  admin = await createPersonIn(served.system.db, 'Ada Admin', 'admin');
});

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `sample-company-${name}.png`), fullPage: true });
const { annualPlanName, dealMilestoneName, pushProjectName } = sampleWords.en;
const projectNames = (page: Page) => page.locator('.plist__name').allTextContents();

describe('the sample company', () => {
  it('is offered on an empty instance, fills the project list, dashboard, inbox, people and flows when loaded, and leaves an empty instance again when removed', { timeout: 240_000 }, async () => {
    const page = await served.signedInPage(admin);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${served.url}/projects`);
    const offer = page.getByTestId('sample-offer');
    await offer.waitFor();
    expect(await page.getByTestId('project-list-empty').textContent()).toContain('No projects yet');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, '1-offered');

    await offer.getByRole('button', { name: 'Load the sample company' }).click();
    await expect.poll(() => projectNames(page)).toEqual(expect.arrayContaining([annualPlanName, pushProjectName]));
    await page.getByTestId('sample-notice').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, '2-loaded');

    // The annual plan's dashboard: in execution, revenue reported, the deal about to be missed.
    await page.getByRole('link', { name: annualPlanName }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByTestId('phase-stepper').waitFor();
        return page.getByTestId('phase-stepper').textContent();
      })
      .toMatch(/Execution/);
    await expect.poll(() => page.getByTestId('goal-actual').first().textContent()).toMatch(/[1-9]/);
    expect(await page.getByText(dealMilestoneName).count()).toBeGreaterThan(0);
    await screenshot(page, '3-dashboard');

    // The inbox: the second plan waits for the admin's approval.
    await page.goto(`${served.url}/inbox`);
    await expect.poll(() => page.getByTestId('inbox-list').textContent()).toContain(pushProjectName);
    expect(await page.getByTestId('approve').count()).toBeGreaterThan(0);
    await screenshot(page, '4-inbox');

    // The people: three levels of the sample under the admin, on the chart.
    await page.goto(`${served.url}/people`);
    await expect.poll(() => page.getByTestId('org-chart').getAttribute('data-laid-out')).toBe('true');
    await expect.poll(() => page.locator('.org-card__name').allTextContents()).toEqual(expect.arrayContaining(['Hana Hart (sample)', 'Noah North (sample)', 'Rita Reyes (sample)']));
    await screenshot(page, '5-people');

    // The flows: the default ones, bound, which ran the sample's plan approvals.
    await page.goto(`${served.url}/flows`);
    await expect.poll(() => page.getByTestId('flow-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);

    // Removing it leaves an empty instance again: no project, nobody but the admin.
    await page.goto(`${served.url}/projects`);
    await page.getByTestId('sample-notice').getByRole('button', { name: 'Remove the sample company' }).click();
    await page.getByTestId('sample-offer').waitFor();
    expect(await page.getByTestId('sample-notice').count()).toBe(0);
    await screenshot(page, '6-removed');
    await page.goto(`${served.url}/people`);
    await expect.poll(() => page.locator('.org-card__name').allTextContents()).toEqual(['Ada Admin (you)']);
    expect(await served.system.db.selectFrom('sales_projects').select('id').execute()).toEqual([]);
    expect((await served.system.db.selectFrom('users').select('name').execute()).map((u) => u.name)).toEqual(['Ada Admin']);
  });
});
