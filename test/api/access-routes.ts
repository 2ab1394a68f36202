import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { putAbsence } from '../../db/queries/absences';
import { approveAtOnce, publishFlow } from '../support/factories';
import { call, eventually } from '../support/http';
import {
  actors,
  adminOnly,
  opsAndAdmin,
  password,
  projectPlanners,
  projectReaders,
  projectWorkers,
  signedIn,
  type Actor,
  type World,
} from './access-world';

/**
 * One row per route: who may, and what they get. Everybody else is refused: nobody signed in
 * gets 401, somebody who may not see the thing gets 404 (as if it did not exist), somebody who
 * may see it but not do this gets 403. Refused requests write nothing; allowed changes are in
 * the audit trail under the person who made them.
 */
export interface RouteCase {
  allow: readonly Actor[] | 'public';
  /** Who may see what the route is about; default: everyone signed in. */
  see?: readonly Actor[];
  ok: number;
  /** The request for one actor, built right before it is sent (fresh objects where it uses them up). */
  send(actor: Actor, allowed: boolean): Promise<Request> | Request;
  /** Whether an allowed request changes business data, so the audit trail must show it (default: not a GET). */
  audited?: boolean;
  /**
   * Who the trail names for an allowed change: the person (default), or the project's workflow,
   * for requests the lifecycle carries out (a submitted plan, a closed project).
   */
  auditedAs?: 'person' | 'workflow';
}

export interface Request {
  path: string;
  body?: unknown;
}

const today = () => new Date().toISOString().slice(0, 10);
/** Inside the world's projects, which run for thirty days from their creation. */
const goalPeriod = () => ({ start: new Date().toISOString(), end: new Date(Date.now() + 25 * 86_400_000).toISOString() });

export function routes(w: World, f: Fixtures): Record<string, RouteCase> {
  const P = `/api/projects/${f.planning}`;
  const E = `/api/projects/${f.execution.id}`;
  const R = `/api/retrospectives/${f.review.retrospectiveId}`;
  const { org, people } = w;
  const asAdmin = async (method: string, path: string, body?: unknown) => {
    const res = await call(w.app, method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  /** Loads or removes the sample company, as the suite's admin, unless it already is as wanted. */
  const sample = async (loaded: boolean) => {
    if ((await asAdmin('GET', '/api/sample-company')).loaded !== loaded) await asAdmin(loaded ? 'POST' : 'DELETE', '/api/sample-company');
  };
  const newGoal = () => asAdmin('POST', `${P}/goals`, { metric: 'new_customers', unit: 'customers', direction: 'at_least', baseline: null, target: 30, period: goalPeriod() });
  const milestoneBody = { name: 'Matrix milestone', metric: 'revenue', targetValue: 100, dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), ownerId: org.rep.id };
  const passwords = new Map<Actor, string>();
  const flipPassword = (actor: Actor) => {
    const current = passwords.get(actor) ?? password;
    const next = current === password ? `${password} two` : password;
    passwords.set(actor, next);
    return { currentPassword: current, newPassword: next };
  };
  const flowDocument = approveAtOnce('change_requested');
  /** A flow of the attempt's own (one bound, or archived, is not a fresh start for the next attempt); its id. */
  const newFlowId = async (name: string): Promise<string> => ((await asAdmin('POST', '/api/flows', { draft: { ...flowDocument, name: `${name} ${randomUUID().slice(0, 8)}` } })) as { id: string }).id;
  const newChatChannel = () => asAdmin('POST', '/api/chat-channels', { name: `Matrix chat ${randomUUID()}`, platform: 'slack', webhookUrl: 'http://127.0.0.1:9/matrix' });
  let renamed = 0;

  return {
    // Probes for orchestrators and load balancers: anyone, nothing touched
    'GET /healthz': { allow: 'public', ok: 200, send: () => ({ path: '/healthz' }) },
    'GET /readyz': { allow: 'public', ok: 200, send: () => ({ path: '/readyz' }) },
    // Prometheus scrapes without a person; METRICS_TOKEN (unset here) would guard it
    'GET /metrics': { allow: 'public', ok: 200, send: () => ({ path: '/metrics' }) },
    // Signing in and one's own account
    'POST /api/auth/login': { allow: 'public', ok: 200, audited: false, send: () => ({ path: '/api/auth/login', body: { email: f.loginEmail, password } }) },
    'POST /api/auth/logout': { allow: signedIn, ok: 204, audited: false, send: () => ({ path: '/api/auth/logout' }) },
    'GET /api/auth/session': { allow: signedIn, ok: 200, send: () => ({ path: '/api/auth/session' }) },
    'PUT /api/auth/password': { allow: signedIn, ok: 204, send: (actor, allowed) => ({ path: '/api/auth/password', body: allowed ? flipPassword(actor) : { currentPassword: password, newPassword: `${password} two` } }) },
    'PUT /api/auth/language': { allow: signedIn, ok: 200, send: () => ({ path: '/api/auth/language', body: { language: 'zh-CN' } }) },
    'GET /api/auth/tokens': { allow: signedIn, ok: 200, send: () => ({ path: '/api/auth/tokens' }) },
    'POST /api/auth/tokens': { allow: signedIn, ok: 201, send: () => ({ path: '/api/auth/tokens', body: { name: 'matrix', role: 'viewer' } }) },
    'DELETE /api/auth/tokens/{id}': {
      allow: signedIn,
      ok: 204,
      send: async (actor) => {
        const owner = actor === 'anonymous' ? people.owner : people[actor];
        const created = await call(w.app, 'POST', '/api/auth/tokens', { name: 'to revoke', role: 'viewer' }, { as: owner });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        return { path: `/api/auth/tokens/${created.body.id}` };
      },
    },

    // People
    'POST /api/users': { allow: adminOnly, ok: 201, send: () => ({ path: '/api/users', body: { name: 'New Hire', email: `hire-${randomUUID()}@example.com`, managerId: org.manager.id } }) },
    'GET /api/users': { allow: signedIn, ok: 200, send: () => ({ path: '/api/users' }) },
    'GET /api/users/{id}': { allow: signedIn, ok: 200, send: () => ({ path: `/api/users/${org.rep.id}` }) },
    'PATCH /api/users/{id}': { allow: adminOnly, ok: 200, send: () => ({ path: `/api/users/${people.outsider.id}`, body: { name: `Outsider ${++renamed}` } }) },
    'GET /api/users/{id}/inbox': { allow: ['owner', 'admin'], see: ['owner', 'admin'], ok: 200, send: () => ({ path: `/api/users/${org.rep.id}/inbox` }) },
    'POST /api/users/{id}/inbox/{itemId}/read': {
      allow: ['owner'],
      see: ['owner'],
      ok: 204,
      audited: false, // inbox items are notifications, not business data
      send: async () => {
        const [item] = await w.db
          .insertInto('inbox_items')
          .values({ userId: org.rep.id, kind: 'notification', payload: JSON.stringify({ subject: 'Matrix' }), dedupeKey: `matrix:${randomUUID()}` })
          .returning('id')
          .execute();
        return { path: `/api/users/${org.rep.id}/inbox/${item!.id}/read` };
      },
    },
    'GET /api/users/{id}/approvals': { allow: ['manager', 'admin'], see: ['manager', 'admin'], ok: 200, send: () => ({ path: `/api/users/${org.manager.id}/approvals` }) },
    // The instance language: anyone signed in reads it, admins set it (to English, what the shared test instance keeps).
    'GET /api/settings/language': { allow: signedIn, ok: 200, send: () => ({ path: '/api/settings/language' }) },
    'PUT /api/settings/language': { allow: adminOnly, ok: 200, send: () => ({ path: '/api/settings/language', body: { language: 'en' } }) },
    // An absence: the person (the owner, a member) or a manager above them; anyone signed in may read it.
    'GET /api/users/{id}/absence': { allow: signedIn, ok: 200, send: () => ({ path: `/api/users/${org.rep.id}/absence` }) },
    'PUT /api/users/{id}/absence': {
      allow: ['owner', 'manager'],
      ok: 200,
      send: () => ({ path: `/api/users/${org.rep.id}/absence`, body: { startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), deputyId: people.member.id } }),
    },
    'DELETE /api/users/{id}/absence': {
      allow: ['owner', 'manager'],
      ok: 204,
      send: async (_actor, allowed) => {
        // There is one to end, so an allowed request changes something the trail must show.
        if (allowed) await putAbsence(w.db, { userId: org.rep.id, deputyId: people.member.id, startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000), setBy: org.rep.id });
        return { path: `/api/users/${org.rep.id}/absence` };
      },
    },

    // Projects and their lifecycle
    'GET /api/projects': { allow: signedIn, ok: 200, send: () => ({ path: '/api/projects' }) },
    'POST /api/projects': {
      allow: projectPlanners,
      ok: 201,
      send: () => ({
        path: '/api/projects',
        body: { name: `Matrix new ${randomUUID().slice(0, 8)}`, ownerId: org.rep.id, periodStart: '2027-01-01T00:00:00+08:00', periodEnd: '2027-12-31T00:00:00+08:00' },
      }),
    },
    'GET /api/projects/{id}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: P }) },
    'PATCH /api/projects/{id}': { allow: projectPlanners, see: projectReaders, ok: 200, send: (actor) => ({ path: P, body: { description: `Changed by ${actor}` } }) },
    'GET /api/projects/{id}/dashboard': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/dashboard` }) },
    'POST /api/projects/{id}/kpi-reports': { allow: projectWorkers, see: projectReaders, ok: 201, send: () => ({ path: `${E}/kpi-reports`, body: { metric: 'revenue', value: 10 } }) },
    'POST /api/projects/{id}/kpi-reports/import': {
      allow: projectWorkers,
      see: projectReaders,
      ok: 201,
      // A member imports their own figures; the project's planners import the owner's.
      send: (actor) => ({ path: `${E}/kpi-reports/import`, body: { csv: `metric,value,reported_at,reporter_email\nrevenue,5,${today()},${f.emails[actor === 'member' ? 'member' : 'owner']}\n` } }),
    },
    'POST /api/projects/{id}/submit': {
      allow: projectPlanners,
      auditedAs: 'workflow',
      see: projectReaders,
      ok: 202,
      send: async (_actor, allowed) => ({ path: `/api/projects/${allowed ? await w.planningProject() : f.planning}/submit`, body: {} }),
    },
    'POST /api/projects/{id}/close': {
      allow: projectPlanners,
      auditedAs: 'workflow',
      see: projectReaders,
      ok: 200,
      send: async (_actor, allowed) => ({ path: `/api/projects/${allowed ? (await w.executionProject()).id : f.execution.id}/close`, body: { outcome: 'cancelled' } }),
    },
    'GET /api/projects/{id}/change-requests': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${E}/change-requests` }) },
    'POST /api/projects/{id}/change-requests/preview': {
      allow: projectReaders,
      see: projectReaders,
      ok: 200,
      audited: false,
      send: () => ({ path: `${E}/change-requests/preview`, body: { subjectKind: 'milestone', subjectId: f.execution.milestoneId, field: 'target', after: 1200, reason: 'Bigger deals' } }),
    },
    'POST /api/projects/{id}/change-requests': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 201,
      send: async (_actor, allowed) => {
        const project = allowed ? await w.executionProject() : f.execution;
        return { path: `/api/projects/${project.id}/change-requests`, body: { subjectKind: 'milestone', subjectId: project.milestoneId, field: 'target', after: 1200, reason: 'Bigger deals' } };
      },
    },

    // The closing review
    'GET /api/projects/{id}/retrospective': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `/api/projects/${f.review.projectId}/retrospective` }) },
    'GET /api/retrospectives/{id}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: R }) },
    'GET /api/retrospectives/{id}/export.md': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${R}/export.md` }) },
    'GET /api/retrospectives/{id}/export.html': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${R}/export.html` }) },
    'POST /api/retrospectives/{id}/inputs': { allow: projectWorkers, see: projectReaders, ok: 201, send: () => ({ path: `${R}/inputs`, body: { wentWell: 'Early calls', toImprove: 'Pricing', actionItems: ['Call sooner'] } }) },
    'POST /api/retrospectives/{id}/finalize': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 200,
      send: async (_actor, allowed) => ({ path: `/api/retrospectives/${allowed ? (await w.closedProjectReview()).retrospectiveId : f.review.retrospectiveId}/finalize`, body: {} }),
    },
    'POST /api/retrospectives/{id}/action-items/tasks': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 201,
      send: () => ({ path: `/api/retrospectives/${f.finalReview.retrospectiveId}/action-items/tasks`, body: { followUpProjectId: f.planning, items: [{ title: `Call sooner ${++renamed}` }] } }),
    },

    // The plan
    'GET /api/projects/{id}/goals': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/goals` }) },
    'POST /api/projects/{id}/goals': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 201,
      send: () => ({ path: `${P}/goals`, body: { metric: 'customer_satisfaction', unit: 'points', direction: 'at_least', baseline: null, target: 90, period: goalPeriod() } }),
    },
    'GET /api/projects/{id}/goals/{goalId}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/goals/${f.goalId}` }) },
    'PATCH /api/projects/{id}/goals/{goalId}': { allow: projectPlanners, see: projectReaders, ok: 200, send: () => ({ path: `${P}/goals/${f.goalId}`, body: { target: 1_000_000 + ++renamed } }) },
    'DELETE /api/projects/{id}/goals/{goalId}': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => ({ path: `${P}/goals/${allowed ? (await newGoal()).id : f.goalId}` }),
    },
    'GET /api/projects/{id}/milestones': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/milestones` }) },
    'POST /api/projects/{id}/milestones': { allow: projectPlanners, see: projectReaders, ok: 201, send: () => ({ path: `${P}/milestones`, body: milestoneBody }) },
    'GET /api/projects/{id}/milestones/{milestoneId}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/milestones/${f.milestoneId}` }) },
    'PATCH /api/projects/{id}/milestones/{milestoneId}': { allow: projectPlanners, see: projectReaders, ok: 200, send: () => ({ path: `${P}/milestones/${f.milestoneId}`, body: { name: `Renamed ${++renamed}` } }) },
    'DELETE /api/projects/{id}/milestones/{milestoneId}': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => ({ path: `${P}/milestones/${allowed ? (await asAdmin('POST', `${P}/milestones`, milestoneBody)).id : f.milestoneId}` }),
    },
    'POST /api/projects/{id}/decomposition/preview': { allow: projectReaders, see: projectReaders, ok: 200, audited: false, send: () => ({ path: `${P}/decomposition/preview`, body: { goalId: f.goalId, granularity: 'quarter' } }) },
    'POST /api/projects/{id}/decomposition/apply': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 201,
      send: async (_actor, allowed) => {
        const goalId = allowed ? (await newGoal()).id : f.goalId;
        return { path: `${P}/decomposition/apply`, body: { goalId, granularity: 'quarter', ownerId: org.rep.id } };
      },
    },
    'GET /api/projects/{id}/members': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/members` }) },
    'PUT /api/projects/{id}/members': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 200,
      // The same people with the member's role flipped and back: access stays what the matrix expects.
      send: (actor, allowed) => ({
        path: `${P}/members`,
        body: {
          members: [
            { userId: org.rep.id, role: 'owner' },
            { userId: people.member.id, role: 'member' },
            { userId: people.viewer.id, role: 'viewer' },
            ...(allowed ? [{ userId: org.director.id, role: actor === 'manager' ? 'viewer' : 'member' }] : []),
          ],
        },
      }),
    },
    'GET /api/projects/{id}/tasks': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/tasks` }) },
    'POST /api/projects/{id}/tasks': { allow: projectWorkers, see: projectReaders, ok: 201, send: () => ({ path: `${P}/tasks`, body: { title: 'Call the top ten accounts' } }) },
    'GET /api/projects/{id}/tasks/{taskId}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/tasks/${f.taskId}` }) },
    'PATCH /api/projects/{id}/tasks/{taskId}': { allow: projectWorkers, see: projectReaders, ok: 200, send: () => ({ path: `${P}/tasks/${f.taskId}`, body: { title: `Task ${++renamed}` } }) },
    'DELETE /api/projects/{id}/tasks/{taskId}': {
      allow: projectWorkers,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => ({ path: `${P}/tasks/${allowed ? (await asAdmin('POST', `${P}/tasks`, { title: 'Doomed' })).id : f.taskId}` }),
    },
    'GET /api/projects/{id}/budget': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/budget` }) },
    'POST /api/projects/{id}/budget': { allow: projectPlanners, see: projectReaders, ok: 201, send: () => ({ path: `${P}/budget`, body: { category: 'Travel', planned: 1000 } }) },
    'GET /api/projects/{id}/budget/{lineId}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/budget/${f.lineId}` }) },
    'PATCH /api/projects/{id}/budget/{lineId}': { allow: projectPlanners, see: projectReaders, ok: 200, send: () => ({ path: `${P}/budget/${f.lineId}`, body: { spent: ++renamed } }) },
    'DELETE /api/projects/{id}/budget/{lineId}': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => ({ path: `${P}/budget/${allowed ? (await asAdmin('POST', `${P}/budget`, { category: 'Doomed', planned: 1 })).id : f.lineId}` }),
    },
    'GET /api/projects/{id}/risks': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/risks` }) },
    'POST /api/projects/{id}/risks': { allow: projectPlanners, see: projectReaders, ok: 201, send: () => ({ path: `${P}/risks`, body: { title: 'A key account churns', probability: 2, impact: 4 } }) },
    'GET /api/projects/{id}/risks/{riskId}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/risks/${f.riskId}` }) },
    'PATCH /api/projects/{id}/risks/{riskId}': { allow: projectPlanners, see: projectReaders, ok: 200, send: () => ({ path: `${P}/risks/${f.riskId}`, body: { mitigation: `Plan ${++renamed}` } }) },
    'DELETE /api/projects/{id}/risks/{riskId}': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => ({ path: `${P}/risks/${allowed ? (await asAdmin('POST', `${P}/risks`, { title: 'Doomed', probability: 1, impact: 1 })).id : f.riskId}` }),
    },

    // Teams
    'POST /api/teams': { allow: adminOnly, ok: 201, send: () => ({ path: '/api/teams', body: { name: `Team ${randomUUID().slice(0, 8)}` } }) },
    'GET /api/teams': { allow: signedIn, ok: 200, send: () => ({ path: '/api/teams' }) },
    'GET /api/teams/{id}': { allow: signedIn, ok: 200, send: () => ({ path: `/api/teams/${f.teamId}` }) },
    'PUT /api/teams/{id}/members': { allow: adminOnly, ok: 200, send: () => ({ path: `/api/teams/${f.teamId}/members`, body: { userIds: [org.rep.id, ...(++renamed % 2 ? [people.member.id] : [])] } }) },

    // Escalations and approvals: only the person asked may answer
    'POST /api/escalations/{id}/ack': { allow: ['manager'], see: projectReaders, ok: 200, send: () => ({ path: `/api/escalations/${f.escalationId}/ack`, body: {} }) },
    'GET /api/approvals/{id}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `/api/approvals/${f.approval.id}` }) },
    'GET /api/approvals/{id}/delegates': { allow: ['manager'], see: projectReaders, ok: 200, send: () => ({ path: `/api/approvals/${f.approval.id}/delegates` }) },
    'POST /api/approvals/{id}/decision': { allow: ['manager'], see: projectReaders, ok: 200, send: () => ({ path: `/api/approvals/${f.approval.id}/decision`, body: { decision: 'approve' } }) },
    'GET /api/flow-runs/{id}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `/api/flow-runs/${f.approval.flowRunId}` }) },
    'GET /api/flow-runs/{id}/approvals': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `/api/flow-runs/${f.approval.flowRunId}/approvals` }) },
    'GET /api/flow-runs/{id}/trace': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `/api/flow-runs/${f.approval.flowRunId}/trace` }) },

    // Flows: everybody reads them, ops and admins shape them
    'GET /api/flows': { allow: signedIn, ok: 200, send: () => ({ path: '/api/flows' }) },
    'POST /api/flows': { allow: opsAndAdmin, ok: 201, send: () => ({ path: '/api/flows', body: { draft: { ...flowDocument, name: `Matrix ${randomUUID().slice(0, 8)}` } } }) },
    'POST /api/flows/import': { allow: opsAndAdmin, ok: 201, send: () => ({ path: '/api/flows/import', body: { draft: { ...flowDocument, name: `Imported ${randomUUID().slice(0, 8)}` } } }) },
    'POST /api/flows/validate': { allow: signedIn, ok: 200, audited: false, send: () => ({ path: '/api/flows/validate', body: { draft: flowDocument } }) },
    'GET /api/flows/{id}': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}` }) },
    'PUT /api/flows/{id}/draft': { allow: opsAndAdmin, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/draft`, body: { draft: { ...flowDocument, name: `Draft ${++renamed}` } } }) },
    'POST /api/flows/{id}/publish': {
      allow: opsAndAdmin,
      ok: 201,
      send: async () => {
        const flowId = await newFlowId('To publish');
        return { path: `/api/flows/${flowId}/publish`, body: {} };
      },
    },
    // A flow of its own each time: one bound cannot be archived, and the shared one is bound.
    'POST /api/flows/{id}/archive': {
      allow: opsAndAdmin,
      ok: 200,
      send: async () => {
        const flowId = await newFlowId('To archive');
        return { path: `/api/flows/${flowId}/archive`, body: {} };
      },
    },
    'POST /api/flows/{id}/restore': {
      allow: opsAndAdmin,
      ok: 200,
      send: async () => {
        const flowId = await newFlowId('To restore');
        await asAdmin('POST', `/api/flows/${flowId}/archive`, {});
        return { path: `/api/flows/${flowId}/restore`, body: {} };
      },
    },
    'GET /api/flows/{id}/versions': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/versions` }) },
    'GET /api/flows/{id}/versions/{version}': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/versions/1` }) },
    'GET /api/flows/{id}/export': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/export` }) },
    // A test run writes nothing, so there is nothing for the audit trail to show.
    'POST /api/flows/{id}/simulate': { allow: opsAndAdmin, ok: 200, audited: false, send: () => ({ path: `/api/flows/${f.flowId}/simulate`, body: { version: 1, projectId: f.planning } }) },
    // A flow's runs: everybody reads flows, but each sees only the runs of projects they may read
    'GET /api/flows/{id}/runs': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/runs` }) },
    'GET /api/flows/{id}/running': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/running` }) },
    'GET /api/flows/{id}/versions/{version}/heat': { allow: signedIn, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/versions/1/heat?last=10` }) },
    'GET /api/flows/{id}/webhook-secret': { allow: opsAndAdmin, ok: 200, send: () => ({ path: `/api/flows/${f.flowId}/webhook-secret` }) },
    'GET /api/flow-bindings': { allow: signedIn, ok: 200, send: () => ({ path: '/api/flow-bindings' }) },
    'GET /api/projects/{id}/flow-bindings': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/flow-bindings` }) },
    'PUT /api/flow-bindings': { allow: opsAndAdmin, ok: 200, send: () => ({ path: '/api/flow-bindings', body: { triggerEvent: 'change_requested', projectId: f.planning, flowId: f.flowId } }) },
    'DELETE /api/flow-bindings': {
      allow: opsAndAdmin,
      ok: 200,
      // The binding exists before every attempt, so a refused one could be seen removing it.
      send: async () => {
        await asAdmin('PUT', '/api/flow-bindings', { triggerEvent: 'change_requested', projectId: f.planning, flowId: f.flowId });
        return { path: `/api/flow-bindings?triggerEvent=change_requested&projectId=${f.planning}` };
      },
    },

    // The audit trail: admins, and the project's managers
    'GET /api/audit': { allow: ['manager', 'admin'], see: projectReaders, ok: 200, send: () => ({ path: `/api/audit?projectId=${f.planning}` }) },

    // Shared holiday calendars: everyone reads them, admins import and edit years (far-off years here, so no real project's calendar moves)
    'GET /api/calendars': { allow: signedIn, ok: 200, send: () => ({ path: '/api/calendars' }) },
    'GET /api/calendars/{calendarId}/years/{year}': { allow: signedIn, ok: 200, send: () => ({ path: '/api/calendars/cn-mainland/years/2026' }) },
    'PUT /api/calendars/{calendarId}/years/{year}': {
      allow: adminOnly,
      ok: 200,
      send: () => ({ path: '/api/calendars/cn-mainland/years/2099', body: { holidays: [{ date: '2099-01-01', name: '元旦' }], workingDays: [] } }),
    },
    'POST /api/calendars/{calendarId}/years/{year}/import': {
      allow: adminOnly,
      ok: 200,
      send: () => ({ path: '/api/calendars/cn-mainland/years/2098/import', body: { format: 'csv', text: 'date,kind,name\n2098-01-01,holiday,元旦\n' } }),
    },
    'DELETE /api/calendars/{calendarId}/years/{year}': {
      allow: adminOnly,
      ok: 204,
      // The year is stored before every attempt, so a refused one could be seen removing it.
      send: async () => {
        await asAdmin('PUT', '/api/calendars/cn-mainland/years/2097', { holidays: [{ date: '2097-01-01', name: '元旦' }], workingDays: [] });
        return { path: '/api/calendars/cn-mainland/years/2097' };
      },
    },

    // Chat channels: everyone sees their names (to choose one), admins connect, change, test and remove them
    'GET /api/chat-channels': { allow: signedIn, ok: 200, send: () => ({ path: '/api/chat-channels' }) },
    'POST /api/chat-channels': {
      allow: adminOnly,
      ok: 201,
      send: () => ({ path: '/api/chat-channels', body: { name: `Matrix chat ${randomUUID()}`, platform: 'dingtalk', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=matrix', secret: 'SECmatrix' } }),
    },
    'PATCH /api/chat-channels/{channelId}': {
      allow: adminOnly,
      ok: 200,
      send: async () => ({ path: `/api/chat-channels/${(await newChatChannel()).id}`, body: { name: `Matrix chat ${randomUUID()}` } }),
    },
    'DELETE /api/chat-channels/{channelId}': { allow: adminOnly, ok: 204, send: async () => ({ path: `/api/chat-channels/${(await newChatChannel()).id}` }) },
    // A test message changes nothing; this one is refused by the address guard before it leaves.
    'POST /api/chat-channels/{channelId}/test': { allow: adminOnly, ok: 200, audited: false, send: async () => ({ path: `/api/chat-channels/${(await newChatChannel()).id}/test` }) },
    'PUT /api/users/{id}/chat-channel': {
      allow: ['owner', 'admin'],
      ok: 200,
      send: async () => ({ path: `/api/users/${org.rep.id}/chat-channel`, body: { chatChannelId: (await newChatChannel()).id } }),
    },

    // The sample company: ops and admins see, load and remove it (loaded or removed before each attempt as the row needs)
    'GET /api/sample-company': { allow: opsAndAdmin, ok: 200, send: () => ({ path: '/api/sample-company' }) },
    'POST /api/sample-company': {
      allow: opsAndAdmin,
      ok: 201,
      send: async (_actor, allowed) => {
        if (allowed) await sample(false);
        return { path: '/api/sample-company' };
      },
    },
    'DELETE /api/sample-company': {
      allow: opsAndAdmin,
      ok: 200,
      send: async () => {
        await sample(true);
        return { path: '/api/sample-company' };
      },
    },

    // Quotas: a goal's target allocated to members (planners), read by everyone on the project
    'GET /api/projects/{id}/goals/{goalId}/allocation': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/goals/${f.goalId}/allocation` }) },
    'PUT /api/projects/{id}/goals/{goalId}/allocation': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 200,
      send: () => ({ path: `${P}/goals/${f.goalId}/allocation`, body: { granularity: 'quarter', shares: [{ userId: org.rep.id, weight: 1 + (++renamed % 2) }] } }),
    },
    'GET /api/projects/{id}/quotas': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/quotas` }) },
    // Forecasts: whoever reads the project
    'GET /api/projects/{id}/forecasts': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${E}/forecasts` }) },
    'GET /api/projects/{id}/funnel': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/funnel` }) },
    'PUT /api/projects/{id}/funnel': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 200,
      send: () => ({ path: `${P}/funnel`, body: { averageDeal: 50000 + ++renamed, stages: [{ key: 'qualified_leads', conversionRate: '0.25' }, { key: 'contracts' }] } }),
    },

    // Training and mentoring; an attendee records their own completion
    'GET /api/projects/{id}/training': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/training` }) },
    'POST /api/projects/{id}/training': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 201,
      send: () => ({ path: `${P}/training`, body: { topic: 'Objection handling', kind: 'internal', trainerId: people.manager.id, date: inDays(5), attendeeIds: [people.member.id] } }),
    },
    'GET /api/projects/{id}/training/{trainingId}': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/training/${f.trainingId}` }) },
    'PATCH /api/projects/{id}/training/{trainingId}': { allow: projectPlanners, see: projectReaders, ok: 200, send: () => ({ path: `${P}/training/${f.trainingId}`, body: { topic: `Objections ${++renamed}` } }) },
    'DELETE /api/projects/{id}/training/{trainingId}': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => ({
        path: `${P}/training/${allowed ? (await asAdmin('POST', `${P}/training`, { topic: 'Doomed', kind: 'external', trainerName: 'Someone', date: inDays(6), attendeeIds: [people.member.id] })).id : f.trainingId}`,
      }),
    },
    'PATCH /api/projects/{id}/training/{trainingId}/attendees/{userId}': {
      allow: ['member', ...projectPlanners],
      see: projectReaders,
      ok: 200,
      send: () => ({ path: `${P}/training/${f.trainingId}/attendees/${people.member.id}`, body: { completed: ++renamed % 2 === 0 } }),
    },

    // The balanced scorecard
    'GET /api/projects/{id}/scorecard': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/scorecard` }) },
    'PUT /api/projects/{id}/scorecard': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 200,
      send: () => ({ path: `${P}/scorecard`, body: { dimensions: [{ key: 'revenue', weightPct: 70, capPct: 100 + (++renamed % 50) }, { key: 'training', weightPct: 30, capPct: 100 }] } }),
    },
    'DELETE /api/projects/{id}/scorecard': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 204,
      send: async (_actor, allowed) => {
        if (allowed) await asAdmin('PUT', `${P}/scorecard`, { dimensions: [{ key: 'revenue', weightPct: 100, capPct: 120 }] });
        return { path: `${P}/scorecard` };
      },
    },
    'GET /api/projects/{id}/scorecard/ranking': {
      allow: projectReaders,
      see: projectReaders,
      ok: 200,
      send: async (_actor, allowed) => {
        if (allowed) await asAdmin('PUT', `${P}/scorecard`, { dimensions: [{ key: 'revenue', weightPct: 100, capPct: 120 }] });
        return { path: `${P}/scorecard/ranking` };
      },
    },

    // Incentives: readers see (members their own figures), planners set the rules and settle (nothing to settle without a bound flow: no change)
    'GET /api/projects/{id}/incentives': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/incentives` }) },
    'PUT /api/projects/{id}/incentives/rules': {
      allow: projectPlanners,
      see: projectReaders,
      ok: 200,
      send: () => ({ path: `${P}/incentives/rules`, body: { commission: { tiers: [{ fromPct: 0, toPct: 100, rate: '0.03' }, { fromPct: 100, toPct: null, rate: '0.05' }], cap: String(++renamed) } } }),
    },
    'GET /api/projects/{id}/incentives/payouts': { allow: projectReaders, see: projectReaders, ok: 200, send: () => ({ path: `${P}/incentives/payouts` }) },
    'POST /api/projects/{id}/incentives/settle': { allow: projectPlanners, see: projectReaders, ok: 200, audited: false, send: () => ({ path: `${P}/incentives/settle` }) },
  };
}

/** Inside the world's projects, which run for thirty days from their creation. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export interface Fixtures {
  planning: string;
  execution: { id: string; milestoneId: string };
  review: { projectId: string; retrospectiveId: string };
  finalReview: { projectId: string; retrospectiveId: string };
  goalId: string;
  milestoneId: string;
  taskId: string;
  lineId: string;
  riskId: string;
  teamId: string;
  trainingId: string;
  flowId: string;
  escalationId: string;
  approval: { id: string; flowRunId: string };
  loginEmail: string;
  emails: Record<Actor, string>;
}

export async function createFixtures(w: World): Promise<Fixtures> {
  const ok = async (method: string, path: string, body?: unknown, as?: Parameters<typeof call>[4]) => {
    const res = await call(w.app, method, path, body, as);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const planning = await w.planningProject();
  const P = `/api/projects/${planning}`;
  const goal = await ok('POST', `${P}/goals`, { metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1_000_000, period: goalPeriod() });
  const project = await ok('GET', P);
  const task = await ok('POST', `${P}/tasks`, { title: 'Shared task' });
  const line = await ok('POST', `${P}/budget`, { category: 'Events', planned: 5000 });
  const risk = await ok('POST', `${P}/risks`, { title: 'Shared risk', probability: 3, impact: 3 });
  const training = await ok('POST', `${P}/training`, { topic: 'Shared training', kind: 'mentoring', trainerId: w.people.manager.id, date: new Date(Date.now() + 4 * 86_400_000).toISOString(), attendeeIds: [w.people.member.id] });
  const team = await ok('POST', '/api/teams', { name: `Matrix team ${randomUUID().slice(0, 8)}` });
  const flowId = await publishFlow(w.app, approveAtOnce('change_requested'));

  const [execution, review, finalReview] = [await w.executionProject(), await w.closedProjectReview(), await w.closedProjectReview()];
  await ok('POST', `/api/retrospectives/${finalReview.retrospectiveId}/finalize`, {});

  // The default plan flow asks the owner's manager to approve.
  const approvalProject = await w.planningProject();
  await ok('POST', `/api/projects/${approvalProject}/submit`, {}, { as: w.people.owner });
  const approval = await eventually(async () => {
    const [row] = await w.db.selectFrom('approval_requests').select(['id', 'flowRunId', 'approverId']).where('projectId', '=', approvalProject).where('status', '=', 'pending').execute();
    expect(row?.approverId).toBe(w.org.manager.id);
    return { id: row!.id, flowRunId: row!.flowRunId };
  });

  const escalated = await w.escalatedProject();
  const escalation = await eventually(async () => {
    const [row] = await w.db.selectFrom('escalations').select(['id', 'recipientId']).where('projectId', '=', escalated).execute();
    expect(row?.recipientId).toBe(w.org.manager.id);
    return row!;
  }, { timeoutMs: 40_000 });

  const emails = {} as Record<Actor, string>;
  for (const actor of actors) emails[actor] = (await ok('GET', `/api/users/${(actor === 'anonymous' ? w.people.owner : w.people[actor]).id}`)).email;
  return {
    planning,
    execution,
    review,
    finalReview,
    goalId: goal.id,
    milestoneId: project.milestones[0].id,
    taskId: task.id,
    lineId: line.id,
    riskId: risk.id,
    teamId: team.id,
    trainingId: training.id,
    flowId,
    escalationId: escalation.id,
    approval,
    loginEmail: emails.owner,
    emails,
  };
}

export function expectedStatus(route: RouteCase, actor: Actor): number {
  if (route.allow === 'public') return route.ok;
  if (actor === 'anonymous') return 401;
  if (route.allow.includes(actor)) return route.ok;
  return (route.see ?? signedIn).includes(actor) ? 403 : 404;
}

