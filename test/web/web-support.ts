// Shared by the web app's browser tests: the served app (test/support/browser.ts) with a worker of
// the file's own, so workflows run (plans get approved, milestones missed, escalations raised).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { artifactsDir, createSignInPerson, useServedApp, type PageOptions, type SignInPerson } from '../support/browser';
import type { OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import type { TestSystem } from '../support/system';
import type { Db } from '../../db/connect';

export interface WebContext {
  readonly system: TestSystem;
  readonly url: string;
  /** A fresh page (own browser context) at 1440×900, signed in as `person` through the sign-in page; null: nobody signed in. */
  newPage(person: SignInPerson | null, options?: PageOptions): Promise<Page>;
  /** Saves the page as `test/artifacts/web-<name>.png`. */
  screenshot(page: Page, name: string): Promise<void>;
}

/** `database`: a database of the file's own (useFreshInstance) instead of the suite's. */
export function useWeb(options: { webhookAllow?: string; database?: () => Promise<Db> } = {}): WebContext {
  // Workflows answer within a second or two, but the suite shares two cores with other files.
  vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 100 } } });
  const served = useServedApp({ worker: true, pageTimeoutMs: 20_000, failurePrefix: 'failed-web-', ...options });
  return {
    get system() {
      return served.system;
    },
    get url() {
      return served.url;
    },
    newPage: (person, options) => (person === null ? served.newPage(undefined, options) : served.signedInPage(person, options)),
    async screenshot(page, name) {
      // The app scrolls inside its page area; let it grow for the picture so all of it is in it.
      const style = await page.addStyleTag({ content: '.app { height: auto !important; } .app__page { overflow: visible !important; }' });
      await page.screenshot({ path: path.join(artifactsDir, `web-${name}.png`), fullPage: true });
      await style.evaluate((node) => node.parentNode?.removeChild(node));
    },
  };
}

/** An org chart like `createOrgChart`'s (rep → manager → director → CEO), whose people can sign in. */
export interface SignInOrgChart extends OrgChart {
  ceo: SignInPerson;
  director: SignInPerson;
  manager: SignInPerson;
  rep: SignInPerson;
}

export async function createSignInOrgChart(system: TestSystem): Promise<SignInOrgChart> {
  const { app } = system;
  const ceo = await createSignInPerson(app, 'Ceo', { role: 'manager' });
  const director = await createSignInPerson(app, 'Director', { role: 'manager', managerId: ceo.id });
  const manager = await createSignInPerson(app, 'Manager', { role: 'manager', managerId: director.id });
  const rep = await createSignInPerson(app, 'Rep', { role: 'member', managerId: manager.id });
  return { ceo, director, manager, rep };
}

/** Waits until the person has a pending request of that kind, and returns its id. */
export async function pendingRequest(system: TestSystem, userId: string, kind: 'approval' | 'acknowledgement'): Promise<string> {
  return eventually(
    async () => {
      const response = await call<{ id: string; kind: string }[]>(system.app, 'GET', `/api/users/${userId}/approvals?status=pending`);
      const request = response.body.find((r) => r.kind === kind);
      expect(request, `a pending ${kind} request for ${userId}`).toBeDefined();
      return request!.id;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** Waits until the project's lifecycle reaches `phase`. */
export async function reachPhase(system: TestSystem, projectId: string, phase: string): Promise<void> {
  await eventually(
    async () => {
      const response = await call<{ phase: string }>(system.app, 'GET', `/api/projects/${projectId}`);
      expect(response.body.phase).toBe(phase);
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}
