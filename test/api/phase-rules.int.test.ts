import { beforeAll, describe, expect, it } from 'vitest';
import { phaseActions, phaseAllows, reviewAllows, type PhaseAction } from '../../workflows/domain/phase-rules';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';
import { createFixtures, routes, type Fixtures } from './access-routes';
import { createWorld, type World } from './access-world';

const system = useSystem();

/** The routes each phase rule guards, by their key in the authorization matrix's table. */
const guardedBy: Record<PhaseAction, readonly string[]> = {
  editPlan: [
    'POST /api/projects/{id}/goals',
    'POST /api/projects/{id}/milestones',
    'POST /api/projects/{id}/budget',
    'POST /api/projects/{id}/risks',
  ],
  editBasics: ['PATCH /api/projects/{id}'],
  submitPlan: ['POST /api/projects/{id}/submit'],
  requestChange: ['POST /api/projects/{id}/change-requests'],
  reportKpi: ['POST /api/projects/{id}/kpi-reports', 'POST /api/projects/{id}/kpi-reports/import'],
  // Allowed in every phase: nothing for a route to refuse.
  workTasks: [],
  bookSpending: [],
  close: ['POST /api/projects/{id}/close'],
};

const projectPath = /\/api\/projects\/[0-9a-f-]{36}/;

describe('the phase table', () => {
  let world: World;
  let fixtures: Fixtures;
  /** One project of the world in each phase this test can reach without waiting for a period to end. */
  let inPhase: Partial<Record<LifecyclePhase, string>>;

  beforeAll(async () => {
    world = await createWorld(system.app, system.db);
    fixtures = await createFixtures(world);
    inPhase = { planning: fixtures.planning, execution: fixtures.execution.id, closing_review: fixtures.review.projectId, closed: fixtures.finalReview.projectId };
    for (const [phase, id] of Object.entries(inPhase)) {
      await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${id}`)).body.phase).toBe(phase), { timeoutMs: 40_000 });
    }
  }, 300_000);

  it('is what the routes answer: each action refused by a phase gets its 409 and reason there', async () => {
    const table = routes(world, fixtures);
    const mismatches: string[] = [];
    for (const action of phaseActions) {
      for (const [phase, projectId] of Object.entries(inPhase) as [LifecyclePhase, string][]) {
        const verdict = phaseAllows(action, phase);
        if (verdict.allowed) continue;
        for (const key of guardedBy[action]) {
          const route = table[key];
          expect(route, key).toBeDefined();
          const request = await route!.send('admin', false);
          const path = request.path.replace(projectPath, `/api/projects/${projectId}`);
          const res = await call(system.app, key.split(' ')[0]!, path, request.body);
          const seen = { status: res.status, code: res.body?.error?.code, message: res.body?.error?.message };
          const wanted = { status: 409, code: verdict.code, message: verdict.reason };
          if (JSON.stringify(seen) !== JSON.stringify(wanted)) mismatches.push(`${action} in ${phase} via ${key}: ${JSON.stringify(seen)}, expected ${JSON.stringify(wanted)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses answers and the final word once a closing review is final, in the words of the review rules', async () => {
    const table = routes(world, fixtures);
    const final = fixtures.finalReview.retrospectiveId;
    const cases = [
      { key: 'POST /api/retrospectives/{id}/inputs', verdict: reviewAllows('answerReview', 'finalized') },
      { key: 'POST /api/retrospectives/{id}/finalize', verdict: reviewAllows('finalizeReview', 'finalized') },
    ];
    for (const { key, verdict } of cases) {
      expect(verdict.allowed).toBe(false);
      const request = await table[key]!.send('admin', false);
      const res = await call(system.app, 'POST', request.path.replace(fixtures.review.retrospectiveId, final), request.body);
      expect({ status: res.status, code: res.body.error?.code, message: res.body.error?.message }).toEqual({ status: 409, code: 'finalized', message: verdict.allowed ? '' : verdict.reason });
    }
  });

  it("offers in a project's can object exactly the actions its phase allows to an admin", async () => {
    const offered = { editPlan: 'editPlan', editBasics: 'editBasics', submitPlan: 'submitPlan', requestChange: 'requestChange', reportKpi: 'reportKpi', workTasks: 'editTasks', bookSpending: 'bookSpending', close: 'close' } as const;
    for (const [phase, projectId] of Object.entries(inPhase) as [LifecyclePhase, string][]) {
      const res = await call(system.app, 'GET', `/api/projects/${projectId}`);
      expect(res.status).toBe(200);
      for (const action of phaseActions) expect(res.body.can[offered[action]], `${action} in ${phase}`).toBe(phaseAllows(action, phase).allowed);
      const review = phase === 'closing_review' ? 'collecting' : phase === 'closed' ? 'finalized' : null;
      expect(res.body.can.answerReview, `answerReview in ${phase}`).toBe(review !== null && reviewAllows('answerReview', review).allowed);
      expect(res.body.can.finalizeReview, `finalizeReview in ${phase}`).toBe(review !== null && reviewAllows('finalizeReview', review).allowed);
    }
  });
});
