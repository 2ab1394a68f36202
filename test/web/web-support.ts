// Shared by the web app's browser tests: the served app (test/support/browser.ts) with a worker of
// the file's own, so workflows run (plans get approved, milestones missed, escalations raised).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { artifactsDir, useServedApp } from '../support/browser';
import { call, eventually } from '../support/http';
import type { TestSystem } from '../support/system';

export interface WebContext {
  readonly system: TestSystem;
  readonly url: string;
  /** A fresh page (own browser context) at 1440×900 acting as `userId`; page errors fail the test. */
  newPage(actingAs: string | null): Promise<Page>;
  /** Saves the page as `test/artifacts/web-<name>.png`. */
  screenshot(page: Page, name: string): Promise<void>;
}

/** The key the page keeps the "Acting as" person under (see designer/src/shared/acting-person.ts). */
const actingKey = 'milepost.actingUserId';

export function useWeb(): WebContext {
  // Workflows answer within a second or two, but the suite shares two cores with other files.
  vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 100 } } });
  const served = useServedApp({ worker: true, pageTimeoutMs: 20_000, failurePrefix: 'failed-web-' });
  return {
    get system() {
      return served.system;
    },
    get url() {
      return served.url;
    },
    newPage: (actingAs) =>
      served.newPage(async (context) => {
        if (actingAs === null) return;
        await context.addInitScript(([key, id]) => {
          // Only on the first load of this context: a switch made in the page afterwards stands.
          if (sessionStorage.getItem('milepost.test.seeded') === null) {
            localStorage.setItem(key, id);
            sessionStorage.setItem('milepost.test.seeded', '1');
          }
        }, [actingKey, actingAs] as const);
      }),
    async screenshot(page, name) {
      // The app scrolls inside its page area; let it grow for the picture so all of it is in it.
      const style = await page.addStyleTag({ content: '.app { height: auto !important; } .app__page { overflow: visible !important; }' });
      await page.screenshot({ path: path.join(artifactsDir, `web-${name}.png`), fullPage: true });
      await style.evaluate((node) => node.parentNode?.removeChild(node));
    },
  };
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
