// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createSignInPerson } from '../support/browser';
import { inSeconds } from '../support/factories';
import { call } from '../support/http';

const web = useWeb();

describe('signing in to the web app', () => {
  it('refuses a wrong password with the reason, opens the page asked for after signing in, and returns to sign-in after signing out', async () => {
    const { app } = web.system;
    const rep = await createSignInPerson(app, 'Signing Rep');
    const created = await call(app, 'POST', '/api/projects', { name: 'Asked-for project', ownerId: rep.id, periodStart: inSeconds(-60), periodEnd: inSeconds(90 * 86_400), milestones: [] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const projectPath = `/projects/${created.body.id as string}`;

    // Any page without a session shows the sign-in page, remembering where the person was going.
    const page = await web.newPage(null);
    await page.goto(`${web.url}${projectPath}`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(projectPath);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);

    await page.getByTestId('sign-in-email').fill(rep.email);
    await page.getByTestId('sign-in-password').fill('not the password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('The e-mail address or the password is wrong.');
    expect(await page.getByTestId('sign-in-email').inputValue()).toBe(rep.email);
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    await web.screenshot(page, 'sign-in-refused');

    await page.getByTestId('sign-in-password').fill(rep.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => url.pathname === projectPath);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Asked-for project');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signing RepMember');
    // The session cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).not.toContain('milepost_session');

    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBeNull();
    await page.getByTestId('sign-in-form').waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    // Signed out on the server too: the old cookie opens nothing.
    expect((await page.request.get(`${web.url}/api/auth/session`)).status()).toBe(401);
    await page.goto(`${web.url}/inbox`);
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/inbox');
  });

  it('asks to sign in again when the session ends mid-work, and keeps what was typed', async () => {
    const rep = await createSignInPerson(web.system.app, 'Busy Rep');
    const page = await web.newPage(rep);
    await page.goto(`${web.url}/projects/new`);
    await page.getByTestId('project-name').fill('Typed before the session ended');

    // The session ends on the server (as when it expires, or the person signs out in another tab).
    const session = (await (await page.request.get(`${web.url}/api/auth/session`)).json()) as { csrfToken: string };
    expect((await page.request.post(`${web.url}/api/auth/logout`, { headers: { 'x-csrf-token': session.csrfToken } })).status()).toBe(204);

    await page.getByRole('button', { name: 'Create and plan' }).click();
    const dialog = page.getByTestId('session-ended');
    await dialog.waitFor();
    expect(await dialog.getByTestId('sign-in-email').inputValue()).toBe(rep.email);
    await web.screenshot(page, 'session-ended');
    await dialog.getByTestId('sign-in-password').fill(rep.password);
    await dialog.getByTestId('sign-in-submit').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('project-name').inputValue()).toBe('Typed before the session ended');

    await page.getByRole('button', { name: 'Create and plan' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/plan$/);
  });

  it('lets an admin add a person with a role and a first password, who can then sign in and is offered only what the role allows', async () => {
    const admin = await web.newPage(await createSignInPerson(web.system.app, 'People Admin', { role: 'admin' }));
    await admin.goto(`${web.url}/people`);
    const email = `new.viewer-${Date.now()}@example.com`;
    const form = admin.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('New Viewer');
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('First password').fill('short');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => form.locator('.field__error').allTextContents()).toEqual(['must be at least 10 characters']);
    await form.getByLabel('First password').fill('a-first-password');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('New Viewer added.');
    await expect.poll(() => admin.locator('table tr', { hasText: 'New Viewer' }).textContent()).toContain('Viewer');
    await web.screenshot(admin, 'people-admin');

    const viewer = await web.newPage(null);
    await viewer.goto(`${web.url}/sign-in`);
    await viewer.getByTestId('sign-in-email').fill(email);
    await viewer.getByTestId('sign-in-password').fill('a-first-password');
    await viewer.getByTestId('sign-in-submit').click();
    await viewer.waitForURL((url) => url.pathname === '/projects');
    await expect.poll(() => viewer.getByTestId('signed-in-as').textContent()).toBe('New ViewerViewer');
    await viewer.getByTestId('project-count').waitFor();
    expect(await viewer.getByRole('link', { name: 'New project' }).count()).toBe(0);
    await viewer.goto(`${web.url}/people`);
    await viewer.getByRole('table').waitFor();
    expect(await viewer.getByRole('form', { name: 'Add a person' }).count()).toBe(0);
  });

  it('after too many wrong passwords, says how long to wait and keeps the button off', async () => {
    const { app } = web.system;
    const person = await createSignInPerson(app, 'Locked Out');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: 'guess' }) });
      expect(response.status).toBe(401);
    }
    const page = await web.newPage(null);
    await page.goto(`${web.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(person.email);
    await page.getByTestId('sign-in-password').fill(person.password);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
    expect(await page.getByTestId('sign-in-submit').isDisabled()).toBe(true);
    await web.screenshot(page, 'sign-in-rate-limited');
  });

  it('lets a person change their password and make an API token whose secret is shown once, then revoke it', async () => {
    const { app } = web.system;
    const manager = await createSignInPerson(app, 'Token Manager', { role: 'manager' });
    const page = await web.newPage(manager);
    await page.getByTestId('signed-in-as').click();
    await page.waitForURL((url) => url.pathname === '/account');
    // The token the test set-up made for this person is listed already.
    const rows = page.getByTestId('token-row');
    await expect.poll(() => rows.count()).toBe(1);

    // Only the manager's own role or narrower ones are offered.
    const roles = await page.getByTestId('token-role').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(roles).toEqual(['manager', 'member', 'viewer']);
    await page.getByTestId('token-name').fill('CRM export');
    await page.getByTestId('token-role').selectOption('viewer');
    await page.getByTestId('create-token').click();
    const secret = await page.getByTestId('new-token-value').inputValue();
    expect(secret).toMatch(/^mp_/);
    const crm = rows.filter({ hasText: 'CRM export' });
    await expect.poll(() => crm.count()).toBe(1);
    expect(await crm.textContent()).toContain('Viewer');
    expect(await crm.textContent()).toContain(secret.slice(0, 9));
    await web.screenshot(page, 'account-new-token');

    // The token works as a viewer of the manager's, and is gone once revoked.
    const asToken = () => call(app, 'GET', '/api/auth/session', undefined, { as: { token: secret } });
    expect((await asToken()).body).toMatchObject({ via: 'token', user: { id: manager.id } });
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('new-token').count()).toBe(0);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke CRM export' }).click();
    await expect.poll(() => crm.count()).toBe(0);
    expect(await rows.count()).toBe(1);
    expect((await asToken()).status).toBe(401);

    // A wrong current password is refused next to its field; the right one changes it.
    const form = page.getByTestId('change-password');
    await form.getByTestId('current-password').fill('wrong password');
    await form.getByTestId('new-password').fill('a-new-password-1');
    await form.getByTestId('repeat-password').fill('a-new-password-1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.locator('.field__error').allTextContents()).toEqual(['is not your current password']);
    await form.getByTestId('current-password').fill(manager.password);
    await form.getByTestId('new-password').fill('a-new-password-1');
    await form.getByTestId('repeat-password').fill('a-new-password-1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Password changed.');
    const signIn = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager.email, password: 'a-new-password-1' }) });
    expect(signIn.status).toBe(200);
  });
});
