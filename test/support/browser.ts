// The real API and web page on a free port (on the integration setup's PostgreSQL and Temporal),
// and Debian's Chromium driven by playwright-core: what every browser test stands on. People sign
// in through the real sign-in page, with passwords the suite's admin gave them through the API.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, onTestFailed } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { createApp, type App } from '../../api/app';
import type { Db } from '../../db/connect';
import type { AccessRole } from '../../workflows/domain';
import { call } from './http';
import { tokenFor } from './identities';
import type { Person } from './people';
import { testDecisionLinks, useSystem, type TestSystem } from './system';
import { parseAddressAllowList } from '../../activities/flow/address-guard';

export const designerDist = fileURLToPath(new URL('../../designer/dist', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

/** Never a downloaded browser: Debian's, with the flags this closed network needs. */
export const chromiumOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

/** A person who signs in with a password (and has an API token, for setting up through the API). */
export interface SignInPerson extends Person {
  password: string;
}

/** A person of this test's own with a password, created by the suite's admin through the API. */
export async function createSignInPerson(app: App, name: string, { role = 'member', managerId = null }: { role?: AccessRole; managerId?: string | null } = {}): Promise<SignInPerson> {
  const password = `pw-${randomUUID()}`;
  const email = `${name.toLowerCase().replaceAll(' ', '.')}-${randomUUID()}@example.com`;
  const created = await call(app, 'POST', '/api/users', { name, email, managerId, role, password });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { ...created.body, password, ...(await tokenFor(created.body.id, role)) };
}

/** Signs in through the sign-in page, the way a person does, and waits until the app shows who they are. */
export async function signIn(page: Page, url: string, person: { email: string; password: string; name: string }): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByTestId('sign-in-email').fill(person.email);
  await page.getByTestId('sign-in-password').fill(person.password);
  await page.getByTestId('sign-in-submit').click();
  await expect.poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 20_000 }).toContain(person.name);
}

export interface PageOptions {
  /** The browser's language (navigator.language and Accept-Language), e.g. `zh-CN`. */
  locale?: string;
  /** The browser's time zone, e.g. `America/Los_Angeles` (the machine's unless said). */
  timezoneId?: string;
}

export interface ServedApp {
  readonly system: TestSystem;
  readonly url: string;
  /**
   * A fresh page (own browser context) at 1440×900, its browser set to `locale` (en-US unless
   * said); errors thrown in it, and any message key it shows without a translation, fail the test.
   */
  newPage(prepare?: (context: BrowserContext) => Promise<void>, options?: PageOptions): Promise<Page>;
  /** A fresh page signed in as `person` through the sign-in page. */
  signedInPage(person: SignInPerson, options?: PageOptions): Promise<Page>;
}

export function useServedApp(options: {
  worker: boolean;
  pageTimeoutMs: number;
  failurePrefix: string;
  database?: () => Promise<Db>;
  /** MILEPOST_WEBHOOK_ALLOW for the worker and the app (a local chat receiver); none by default. */
  webhookAllow?: string;
}): ServedApp {
  const system = useSystem({ worker: options.worker, ...(options.database ? { database: options.database } : {}), ...(options.webhookAllow ? { webhookAllow: options.webhookAllow } : {}) });
  let server: Server | undefined;
  let browser: Browser | undefined;
  let url = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(designerDist, 'index.html'))) {
      throw new Error('The web page is not built: run `npx vite build designer` first.');
    }
    await mkdir(artifactsDir, { recursive: true });
    // The worker's secret too: it seals chat channels and signs decision links, as in production.
    const app = createApp({
      db: system.db,
      temporal: { client: system.client, taskQueue: system.taskQueue },
      designerDir: designerDist,
      decisionLinks: testDecisionLinks,
      webhookAllow: parseAddressAllowList(options.webhookAllow),
    });
    const port = await freePort();
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) as Server;
    url = `http://127.0.0.1:${port}`;
    browser = await chromium.launch(chromiumOptions);
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors, 'errors thrown in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  });

  const served: ServedApp = {
    system,
    get url() {
      return url;
    },
    async signedInPage(person, pageOptions) {
      const page = await served.newPage(undefined, pageOptions);
      await signIn(page, url, person);
      return page;
    },
    async newPage(prepare, pageOptions) {
      if (browser === undefined) throw new Error('The browser has not started.');
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: pageOptions?.locale ?? 'en-US', ...(pageOptions?.timezoneId ? { timezoneId: pageOptions.timezoneId } : {}) });
      await prepare?.(context);
      const page = await context.newPage();
      page.setDefaultTimeout(options.pageTimeoutMs);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The page runs under the app's Content-Security-Policy; anything it blocks is a bug.
      page.on('console', (message) => {
        // The app's i18next reports a key it has no message for (designer/src/i18n/i18n.ts).
        if (message.type() === 'error' && /Content Security Policy|Missing translation/i.test(message.text())) pageErrors.push(message.text());
      });
      // What the page looked like when a test failed, to see why without rerunning it.
      onTestFailed(async ({ task }) => {
        const name = `${options.failurePrefix}${task.name.replace(/[^\w]+/g, '-').slice(0, 80)}.png`;
        await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true }).catch(() => undefined);
      });
      return page;
    },
  };
  return served;
}
