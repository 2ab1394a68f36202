// The API (through web-support) is imported before the flow language on purpose: zod schemas made
// before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { phaseAllows } from '../../workflows/domain/phase-rules';
import { createFixtures, routes, type Fixtures, type RouteCase } from '../api/access-routes';
import { actors as everyone, createWorld, password, type Actor, type World } from '../api/access-world';
import { signIn } from '../support/browser';
import { call } from '../support/http';

/**
 * Each action the web app offers, where it offers it, and the route it calls: the page must show
 * it exactly to the people the authorization matrix's table lets call that route (in the phase
 * the page is about, as the phase table says). Nothing here repeats who may do what.
 */
interface OfferedAction {
  page: 'planning project' | 'execution project' | 'planning plan' | 'execution plan' | 'closing review' | 'inbox' | 'flows' | 'flow editor' | 'where a flow runs' | 'people' | 'calendars';
  action: string;
  route: string;
  /** Refused by the phase of the project the page shows, whoever asks. */
  phaseRefuses?: boolean;
  find(page: Page): Locator;
}

const offered: readonly OfferedAction[] = [
  { page: 'planning project', action: 'Edit plan', route: 'POST /api/projects/{id}/goals', find: (p) => p.getByRole('link', { name: 'Edit plan', exact: true }) },
  { page: 'planning project', action: 'Edit basics', route: 'PATCH /api/projects/{id}', phaseRefuses: !phaseAllows('editBasics', 'planning').allowed, find: (p) => p.getByRole('button', { name: 'Edit basics', exact: true }) },
  { page: 'execution project', action: 'Edit basics', route: 'PATCH /api/projects/{id}', phaseRefuses: !phaseAllows('editBasics', 'execution').allowed, find: (p) => p.getByRole('button', { name: 'Edit basics', exact: true }) },
  { page: 'planning project', action: 'report a KPI', route: 'POST /api/projects/{id}/kpi-reports', find: (p) => p.getByTestId('kpi-entry') },
  { page: 'planning project', action: 'import KPIs', route: 'POST /api/projects/{id}/kpi-reports/import', find: (p) => p.getByTestId('kpi-import') },
  { page: 'planning project', action: "the project's history", route: 'GET /api/audit', find: (p) => p.getByTestId('project-history') },
  { page: 'execution project', action: 'Edit plan', route: 'POST /api/projects/{id}/goals', phaseRefuses: !phaseAllows('editPlan', 'execution').allowed, find: (p) => p.getByRole('link', { name: 'Edit plan', exact: true }) },
  { page: 'execution project', action: 'report a KPI', route: 'POST /api/projects/{id}/kpi-reports', phaseRefuses: !phaseAllows('reportKpi', 'execution').allowed, find: (p) => p.getByTestId('kpi-entry') },
  { page: 'planning project', action: 'Close early', route: 'POST /api/projects/{id}/close', phaseRefuses: !phaseAllows('close', 'planning').allowed, find: (p) => p.getByRole('button', { name: 'Close early', exact: true }) },
  { page: 'execution project', action: 'Close early', route: 'POST /api/projects/{id}/close', phaseRefuses: !phaseAllows('close', 'execution').allowed, find: (p) => p.getByRole('button', { name: 'Close early', exact: true }) },
  { page: 'planning project', action: 'request a change to a milestone', route: 'POST /api/projects/{id}/change-requests', phaseRefuses: !phaseAllows('requestChange', 'planning').allowed, find: (p) => p.getByRole('button', { name: /^Request a change to / }) },
  { page: 'execution project', action: 'request a change to a milestone', route: 'POST /api/projects/{id}/change-requests', phaseRefuses: !phaseAllows('requestChange', 'execution').allowed, find: (p) => p.getByRole('button', { name: /^Request a change to / }) },
  { page: 'planning plan', action: 'add a goal', route: 'POST /api/projects/{id}/goals', find: (p) => p.getByTestId('goal-form') },
  { page: 'planning plan', action: 'change who works on the project', route: 'PUT /api/projects/{id}/members', find: (p) => p.getByRole('form', { name: 'Add or change a person on the project', exact: true }) },
  { page: 'execution plan', action: 'change who works on the project', route: 'PUT /api/projects/{id}/members', find: (p) => p.getByRole('form', { name: 'Add or change a person on the project', exact: true }) },
  { page: 'planning plan', action: 'add a budget line', route: 'POST /api/projects/{id}/budget', find: (p) => p.getByRole('form', { name: 'Add a budget line', exact: true }) },
  { page: 'planning plan', action: 'remove a risk', route: 'DELETE /api/projects/{id}/risks/{riskId}', find: (p) => p.getByRole('button', { name: /^Remove risk/ }) },
  { page: 'planning plan', action: 'submit the plan', route: 'POST /api/projects/{id}/submit', find: (p) => p.getByTestId('submit-plan-button') },
  { page: 'planning plan', action: 'add a task', route: 'POST /api/projects/{id}/tasks', find: (p) => p.getByRole('form', { name: 'Add a task', exact: true }) },
  { page: 'planning plan', action: 'remove a task', route: 'DELETE /api/projects/{id}/tasks/{taskId}', find: (p) => p.getByRole('button', { name: /^Remove task/ }) },
  { page: 'planning plan', action: "change a task's status", route: 'PATCH /api/projects/{id}/tasks/{taskId}', find: (p) => p.getByRole('combobox', { name: /^Status of/ }) },
  { page: 'execution plan', action: 'add a goal', route: 'POST /api/projects/{id}/goals', phaseRefuses: !phaseAllows('editPlan', 'execution').allowed, find: (p) => p.getByTestId('goal-form') },
  { page: 'execution plan', action: 'submit the plan', route: 'POST /api/projects/{id}/submit', phaseRefuses: !phaseAllows('submitPlan', 'execution').allowed, find: (p) => p.getByTestId('submit-plan-button') },
  { page: 'closing review', action: 'answer the review', route: 'POST /api/retrospectives/{id}/inputs', find: (p) => p.getByTestId('team-input-form') },
  { page: 'closing review', action: 'finalize the review', route: 'POST /api/retrospectives/{id}/finalize', find: (p) => p.getByTestId('finalize') },
  { page: 'inbox', action: 'approve the plan', route: 'POST /api/approvals/{id}/decision', find: (p) => p.getByTestId('approve') },
  { page: 'inbox', action: 'reject the plan', route: 'POST /api/approvals/{id}/decision', find: (p) => p.getByTestId('reject') },
  { page: 'flows', action: 'New flow', route: 'POST /api/flows', find: (p) => p.getByRole('button', { name: 'New flow', exact: true }) },
  { page: 'flows', action: 'Import from file', route: 'POST /api/flows/import', find: (p) => p.getByRole('button', { name: 'Import from file', exact: true }) },
  { page: 'flow editor', action: 'Save draft', route: 'PUT /api/flows/{id}/draft', find: (p) => p.getByRole('button', { name: 'Save draft', exact: true }) },
  { page: 'flow editor', action: 'Publish', route: 'POST /api/flows/{id}/publish', find: (p) => p.getByRole('button', { name: 'Publish', exact: true }) },
  { page: 'where a flow runs', action: 'Bind', route: 'PUT /api/flow-bindings', find: (p) => p.getByRole('button', { name: 'Bind', exact: true }) },
  { page: 'where a flow runs', action: 'Stop running', route: 'DELETE /api/flow-bindings', find: (p) => p.getByRole('button', { name: /^Stop running for / }) },
  { page: 'people', action: 'add a person', route: 'POST /api/users', find: (p) => p.getByRole('form', { name: 'Add a person', exact: true }) },
  { page: 'people', action: "change a person's access", route: 'PATCH /api/users/{id}', find: (p) => p.getByTestId('edit-person') },
  { page: 'people', action: 'change whom someone reports to', route: 'PATCH /api/users/{id}', find: (p) => p.getByTestId('reports-to') },
  { page: 'calendars', action: 'the holiday calendars in the navigation', route: 'PUT /api/calendars/{calendarId}/years/{year}', find: (p) => p.locator('nav a[href="/calendars"]') },
  { page: 'calendars', action: 'import a year of holidays', route: 'POST /api/calendars/{calendarId}/years/{year}/import', find: (p) => p.getByTestId('import-form') },
  { page: 'calendars', action: 'edit a day of the year', route: 'PUT /api/calendars/{calendarId}/years/{year}', find: (p) => p.getByTestId('edit-day') },
];

/** Where each page is, and what shows once it has loaded (a CSS selector). */
function pages(f: Fixtures): Record<OfferedAction['page'], { path: string; ready: string }> {
  return {
    'planning project': { path: `/projects/${f.planning}`, ready: '[data-testid="phase-stepper"]' },
    'execution project': { path: `/projects/${f.execution.id}`, ready: '[data-testid="phase-stepper"]' },
    'planning plan': { path: `/projects/${f.planning}/plan`, ready: '[data-testid="goals-section"]' },
    'execution plan': { path: `/projects/${f.execution.id}/plan`, ready: '[data-testid="goals-section"]' },
    'closing review': { path: `/projects/${f.review.projectId}/retrospective`, ready: '[data-testid="team-input-list"]' },
    inbox: { path: '/inbox', ready: '[data-testid="tab-action"]' },
    flows: { path: '/flows', ready: '[data-testid="flow-table"]' },
    'flow editor': { path: `/flows/${f.flowId}`, ready: '[data-testid="problems-badge"]' },
    'where a flow runs': { path: `/flows/${f.flowId}?panel=bindings`, ready: '[data-testid="binding-list"]' },
    people: { path: '/people', ready: 'main table' },
    calendars: { path: '/calendars', ready: '[data-testid="calendar-years"]' },
  };
}

const allows = (route: RouteCase, actor: Actor) => route.allow === 'public' || (actor !== 'anonymous' && route.allow.includes(actor));

/** The people, split over two test files so that their pages are looked through two at a time. */
const actorGroups = {
  readers: ['anonymous', 'outsider', 'viewer', 'member'],
  planners: ['owner', 'manager', 'ops', 'admin'],
} as const satisfies Record<string, readonly Actor[]>;

/** For each person of `group`: every page shows them exactly the actions the API allows them. */
export function describeOfferedActions(group: keyof typeof actorGroups): void {
  const actors: readonly Actor[] = actorGroups[group];
  const web = useWeb();
  describe('the actions the web app offers', () => {
    let world: World;
    let fixtures: Fixtures;
    let table: Record<string, RouteCase>;

    beforeAll(async () => {
      world = await createWorld(web.system.app, web.system.db);
      fixtures = await createFixtures(world);
      table = routes(world, fixtures);
      // A binding of the flow's own, so "Where it runs" has one to offer to stop.
      const bound = await call(web.system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'change_requested', projectId: fixtures.planning, flowId: fixtures.flowId });
      expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    }, 300_000);

    it('leaves nobody out between the two groups', () => {
      expect(Object.values(actorGroups).flat().sort()).toEqual([...everyone].sort());
    });

    for (const actor of actors) {
      it(`shows ${actor === 'anonymous' ? 'somebody not signed in' : `the project's ${actor}`} exactly the action buttons the API allows them`, async () => {
        const page = await web.newPage(null);
        if (actor !== 'anonymous') {
          const me = (await call(web.system.app, 'GET', `/api/users/${world.people[actor].id}`)).body as { name: string; email: string };
          await signIn(page, web.url, { name: me.name, email: me.email, password });
        }
        const where = pages(fixtures);
        const mismatches: string[] = [];
        for (const [name, { path, ready }] of Object.entries(where) as [OfferedAction['page'], { path: string; ready: string }][]) {
          await page.goto(`${web.url}${path}`);
          await page.locator(`${ready}, .page-state .error-text, [data-testid="sign-in-form"]`).first().waitFor();
          for (const offer of offered.filter((o) => o.page === name)) {
            const route = table[offer.route];
            expect(route, offer.route).toBeDefined();
            const expected = !offer.phaseRefuses && allows(route!, actor);
            // Present: wait for it (parts load after the page); absent: the page has loaded what decides it.
            const shown = expected ? await offer.find(page).first().waitFor({ timeout: 10_000 }).then(() => true, () => false) : (await offer.find(page).count()) > 0;
            if (shown !== expected) mismatches.push(`${name}: "${offer.action}" ${shown ? 'shown' : 'not shown'}, but the API ${expected ? 'allows' : 'refuses'} ${offer.route}`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  });
}
