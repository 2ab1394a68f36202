// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createProject } from '../support/factories';
import { call } from '../support/http';

const web = useWeb();

describe('who works on a project, from its plan page', () => {
  it('lets the owner put a rep on the project, who then sees it and may report on it, and take them off again', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    const project = await createProject(app, org.manager.id, 'Team');
    const members = async () => (await call<{ userId: string; role: string }[]>(app, 'GET', `/api/projects/${project.id}/members`)).body;

    // Before: the rep is not on it, and the project does not exist for them.
    const rep = await web.newPage(org.rep);
    await rep.goto(`${web.url}/projects/${project.id}`);
    await expect.poll(() => rep.locator('.page-state').textContent()).toContain('does not exist');

    const manager = await web.newPage(org.manager);
    await manager.goto(`${web.url}/projects/${project.id}/plan`);
    const section = manager.getByTestId('members-section');
    await expect.poll(() => section.textContent()).toContain('Nobody yet besides the owner.');
    const form = manager.getByRole('form', { name: 'Add or change a person on the project', exact: true });
    await form.getByLabel('Person').selectOption(org.rep.id);
    await form.getByLabel('As').selectOption('member');
    await form.getByRole('button', { name: 'Add or change' }).click();
    await expect.poll(() => section.locator('li').first().textContent()).toMatch(/Rep\s*member/);
    expect(await members()).toEqual([expect.objectContaining({ userId: org.rep.id, role: 'member' })]);
    await web.screenshot(manager, 'plan-members');

    // The rep now sees the project, and the KPI entry a member has.
    await rep.reload();
    await rep.getByTestId('kpi-entry').waitFor();

    // The same form gives someone on it another role; the bin takes them off after asking.
    await form.getByLabel('Person').selectOption(org.rep.id);
    await form.getByLabel('As').selectOption('viewer');
    await form.getByRole('button', { name: 'Add or change' }).click();
    await expect.poll(() => section.locator('li').first().textContent()).toMatch(/Rep\s*viewer/);
    manager.once('dialog', (dialog) => void dialog.accept());
    await section.getByRole('button', { name: 'Take Rep off the project' }).click();
    await expect.poll(() => section.textContent()).toContain('Nobody yet besides the owner.');
    expect(await members()).toEqual([]);
  });

  it('refuses to add nobody, saying so by the field, and changes nothing', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    const project = await createProject(app, org.manager.id, 'Team');
    const manager = await web.newPage(org.manager);
    await manager.goto(`${web.url}/projects/${project.id}/plan`);
    const form = manager.getByRole('form', { name: 'Add or change a person on the project', exact: true });
    await form.getByRole('button', { name: 'Add or change' }).click();
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(1);
    expect((await call(app, 'GET', `/api/projects/${project.id}/members`)).body).toEqual([]);
  });
});
