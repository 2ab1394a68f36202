import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import type { ScriptedResponse, SimulationResult } from '../../workflows/flow/simulation';
import { flowRunStateQuery } from '../../workflows/interpreter/flow-run-messages';
import { bind, createOrgChart, createProject, inSeconds, publishFlow, type OrgChart } from '../support/factories';
import { branchEndsEarly, branchesThenAcknowledgement, document, sequentialApproval, tellOwner } from '../support/flow-shapes';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();

async function planningProject(org: OrgChart, calendar?: unknown) {
  const project = await createProject(system.app, org.rep.id, 'Sim', { periodEnd: inSeconds(30 * 86_400), ...(calendar ? { calendar } : {}) });
  return project.id;
}

/** A test run's answer: the result, or (for 4xx) the error with its details. */
type SimulateAnswer = SimulationResult & { error: { details: { path: string; nodeId?: string }[] } };
const simulate = (flowId: string, body: Record<string, unknown>) => call<SimulateAnswer>(system.app, 'POST', `/api/flows/${flowId}/simulate`, body);

/** How many rows a project has in the tables a flow run writes to, plus its audit trail. */
async function footprint(projectId: string) {
  const count = async (table: 'approval_requests' | 'tasks' | 'flow_runs' | 'escalations') =>
    Number((await system.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('projectId', '=', projectId).executeTakeFirstOrThrow()).n);
  const inbox = await system.db.selectFrom('inbox_items').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.ref('payload', '->>').key('projectId'), '=', projectId).executeTakeFirstOrThrow();
  const project = await system.db.selectFrom('sales_projects').select(['health', 'healthReason']).where('id', '=', projectId).executeTakeFirstOrThrow();
  return { requests: await count('approval_requests'), tasks: await count('tasks'), runs: await count('flow_runs'), escalations: await count('escalations'), inbox: Number(inbox.n), project };
}

/** The parts of a run that must agree between the engine and a test run. */
interface Trace {
  steps: string[];
  requests: string[];
  messages: string[];
  result: string | null;
}

const sorted = (items: string[]) => [...items].sort();

function simulatedTrace(result: SimulationResult, doc: FlowDocument): Trace {
  const kindOf = new Map(doc.nodes.map((node) => [node.id, node.kind]));
  const requests = new Map<string, string>();
  for (const entry of result.timeline) {
    const effect = entry.effect;
    if (effect?.kind === 'request') requests.set(`${entry.nodeId}|${effect.to.id}`, 'pending');
    if (effect?.kind === 'decision') requests.set(`${entry.nodeId}|${effect.by.id}`, effect.answer);
    if (effect?.kind === 'timeout') requests.set(`${entry.nodeId}|${effect.to.id}`, 'timed_out');
  }
  return {
    steps: sorted(result.timeline.filter((e) => e.port !== undefined).map((e) => `${e.nodeId}:${e.port}`)),
    requests: sorted([...requests].map(([key, status]) => `${key}|${status}`)),
    messages: sorted(result.timeline.flatMap((e) => (e.effect?.kind === 'message' && kindOf.get(e.nodeId) === 'notify' ? [`${e.effect.subject}|${e.effect.to.id}`] : []))),
    result: result.result,
  };
}

async function engineTrace(projectId: string, flowId: string): Promise<Trace> {
  const run = await eventually(async () => {
    const row = await system.db
      .selectFrom('flow_runs as r')
      .innerJoin('flow_versions as v', 'v.id', 'r.flowVersionId')
      .selectAll('r')
      .where('r.projectId', '=', projectId)
      .where('v.flowId', '=', flowId)
      .executeTakeFirst();
    expect(row?.status).toBe('completed');
    return row!;
  });
  const state = await system.client.workflow.getHandle(run.workflowId).query(flowRunStateQuery);
  const requests = await system.db.selectFrom('approval_requests').select(['nodeId', 'approverId', 'status']).where('flowRunId', '=', run.id).execute();
  const inbox = await system.db
    .selectFrom('inbox_items')
    .select(['userId', 'payload'])
    .where('kind', '=', 'notification')
    .where((eb) => eb.ref('payload', '->>').key('flowRunId'), '=', run.id)
    .execute();
  return {
    steps: sorted(state.path.filter((s) => s.port !== undefined).map((s) => `${s.nodeId}:${s.port}`)),
    requests: sorted(requests.map((r) => `${r.nodeId}|${r.approverId}|${r.status}`)),
    messages: sorted(inbox.map((i) => `${(i.payload as { subject: string }).subject}|${i.userId}`)),
    result: state.result ?? null,
  };
}

/** Carries out scripted answers on the engine as the people themselves, as their requests open. */
async function answerOnEngine(projectId: string, script: { nodeId: string; person: OrgChart['rep']; answer: 'approve' | 'reject' | 'acknowledge' }[]) {
  for (const step of script) {
    const request = await eventually(async () => {
      const row = await system.db
        .selectFrom('approval_requests')
        .select('id')
        .where('projectId', '=', projectId)
        .where('nodeId', '=', step.nodeId)
        .where('approverId', '=', step.person.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      expect(row).toBeDefined();
      return row!;
    });
    const body = { decision: step.answer, ...(step.answer === 'reject' ? { comment: 'Pipeline too thin' } : {}) };
    const decided = await call(system.app, 'POST', `/api/approvals/${request.id}/decision`, body, { as: step.person });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }
}

/** Runs a flow in a test run and then for real on the engine, with the same answers; both traces. */
async function onBothSides(doc: FlowDocument, org: OrgChart, script: Parameters<typeof answerOnEngine>[1]) {
  const projectId = await planningProject(org);
  const flowId = await publishFlow(system.app, doc);
  const responses: ScriptedResponse[] = script.map((s) => ({
    nodeId: s.nodeId,
    userId: s.person.id,
    answer: s.answer,
    after: { amount: 1, unit: 'seconds' },
    ...(s.answer === 'reject' ? { comment: 'Pipeline too thin' } : {}),
  }));
  const simulated = await simulate(flowId, { version: 1, projectId, responses });
  expect(simulated.status, JSON.stringify(simulated.body)).toBe(200);
  expect(simulated.body.status).toBe('completed');

  await bind(system.app, 'plan_submitted', projectId, flowId);
  expect((await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep })).status).toBe(202);
  await answerOnEngine(projectId, script);
  return { simulated: simulatedTrace(simulated.body, doc), engine: await engineTrace(projectId, flowId) };
}

describe('a test run on a simulated clock', () => {
  it('takes the same path, decisions and recipients as the engine for a sequential approval', async () => {
    const org = await createOrgChart(system.app);
    const { simulated, engine } = await onBothSides(sequentialApproval([org.manager.id, org.director.id], 30), org, [
      { nodeId: 'decide', person: org.manager, answer: 'approve' },
      { nodeId: 'decide', person: org.director, answer: 'reject' },
    ]);
    expect(simulated).toEqual(engine);
    expect(engine.steps).toContain('decide:rejected');
    expect(engine.requests).toEqual(sorted([`decide|${org.manager.id}|approved`, `decide|${org.director.id}|rejected`]));
  });

  it('takes the same path as the engine through branches, a join, a delay, a task and an unanswered acknowledgement', async () => {
    const org = await createOrgChart(system.app);
    const { simulated, engine } = await onBothSides(branchesThenAcknowledgement(2), org, []);
    expect(simulated).toEqual(engine);
    expect(engine.steps).toEqual(expect.arrayContaining(['join:next', 'ack:timed_out', 'up:next']));
    expect(engine.messages).toContainEqual(expect.stringMatching(new RegExp(`^Escalated: .*\\|${org.manager.id}$`)));
  });

  it('goes on from a join once when one branch ends early, on the engine and in a test run alike', async () => {
    const org = await createOrgChart(system.app);
    const { simulated, engine } = await onBothSides(branchEndsEarly(), org, []);
    expect(simulated).toEqual(engine);
    expect(engine.steps.filter((s) => s === 'join:next')).toHaveLength(1);
    expect(engine.result).toBe('approved');
  });

  it('counts business time on the project calendar and writes, sends and records nothing', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org, { timeZone: 'Asia/Shanghai', holidays: ['2027-01-04'] });
    const doc = branchesThenAcknowledgement(2);
    for (const node of doc.nodes) if (node.kind === 'wait_for_ack') node.config.timeout = { amount: 2, unit: 'business_days' };
    const flowId = await publishFlow(system.app, doc);
    const before = await footprint(projectId);
    const auditedOf = () => system.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('projectId', '=', projectId).executeTakeFirstOrThrow();
    const audited = await auditedOf();

    // Friday 1 January 2027, 10:00 in Shanghai; Monday 4 January is a holiday there.
    const res = await simulate(flowId, { version: 1, projectId, startAt: '2027-01-01T10:00:00+08:00' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const asked = res.body.timeline.find((e) => e.effect?.kind === 'request');
    expect(asked?.effect).toMatchObject({ kind: 'request', to: { id: org.manager.id }, dueAt: '2027-01-06T02:00:01.000Z' });
    expect(asked?.text).toMatch(/^Fri 1 Jan 10:00 — .* asked to acknowledge, due Wed 6 Jan 10:00$/);
    expect(res.body.timeline.map((e) => e.effect?.kind)).toEqual(expect.arrayContaining(['status', 'task', 'timeout', 'escalation']));
    expect(res.body.edgesTaken.length).toBeGreaterThan(5);
    expect(res.body.timeZone).toBe('Asia/Shanghai');

    expect(await footprint(projectId)).toEqual(before);
    expect((await auditedOf()).n).toBe(audited.n);
  });

  it('simulates the draft, and answers an invalid draft with its diagnostics instead of running it', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org);
    const broken = document('Broken', [{ id: 'start', kind: 'trigger', config: { event: 'plan_submitted' } }, tellOwner('tell', 'Hi {{nothing.here}}')], [['start', 'next', 'tell']]);
    const created = await call(system.app, 'POST', '/api/flows', { draft: { ...broken, name: `Broken ${randomUUID().slice(0, 8)}` } });
    expect(created.status).toBe(201);
    const res = await simulate(created.body.id, { projectId });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'tell' })]));

    const fixed = document('Fixed', [{ id: 'start', kind: 'trigger', config: { event: 'plan_submitted' } }, tellOwner('tell', 'Hi {{project.name}}'), { id: 'end', kind: 'end', config: { result: 'done' } }], [['start', 'next', 'tell'], ['tell', 'next', 'end']]);
    expect((await call(system.app, 'PUT', `/api/flows/${created.body.id}/draft`, { draft: { ...fixed, name: `Fixed ${randomUUID().slice(0, 8)}` } })).status).toBe(200);
    const ran = await simulate(created.body.id, { projectId });
    expect(ran.status, JSON.stringify(ran.body)).toBe(200);
    expect(ran.body).toMatchObject({ version: null, status: 'completed', result: 'done' });
  });

  it('refuses a project that does not exist, an unknown version and an answer to a step that asks nobody, naming the field', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org);
    const flowId = await publishFlow(system.app, branchEndsEarly());
    const noProject = await simulate(flowId, { version: 1, projectId: randomUUID() });
    expect(noProject.status).toBe(400);
    expect(noProject.body.error.details[0]?.path).toBe('projectId');
    const noVersion = await simulate(flowId, { version: 9, projectId });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.details[0]?.path).toBe('version');
    const noStep = await simulate(flowId, { version: 1, projectId, responses: [{ nodeId: 'one', answer: 'approve' }] });
    expect(noStep.status).toBe(400);
    expect(noStep.body.error.details[0]).toMatchObject({ path: 'responses.0.nodeId', message: expect.stringContaining('no approval or acknowledgement step "one"') });
  });

  it('gives a KPI-threshold flow sample figures from its trigger, so its messages read as they would', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org);
    const doc = document(
      'Attainment falls',
      [
        { id: 'start', kind: 'trigger', config: { event: 'kpi_threshold_crossed', metric: 'revenue', direction: 'below', threshold: 60 } },
        tellOwner('tell', '{{kpi.metric}} fell from {{kpi.before}}% to {{kpi.after}}%'),
        { id: 'end', kind: 'end', config: { result: 'done' } },
      ],
      [['start', 'next', 'tell'], ['tell', 'next', 'end']],
    );
    const flowId = await publishFlow(system.app, doc);
    const res = await simulate(flowId, { version: 1, projectId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.find((e) => e.effect?.kind === 'message')?.effect).toMatchObject({ subject: 'revenue fell from 65% to 55%', to: { id: org.rep.id } });
  });

  it("gives a forecast flow the project's own forecast, computed as the API raises it, of what stands lowest against its plan", async () => {
    const org = await createOrgChart(system.app);
    // Ten days into thirty, a goal of 3,000 (100 a day) with 500 reported: a pace of 0.5, heading for 1,500.
    const period = { start: inSeconds(-10 * 86_400), end: inSeconds(20 * 86_400) };
    const project = await createProject(system.app, org.rep.id, 'Sim forecast', { periodStart: period.start, periodEnd: period.end });
    const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 3000, period });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    expect((await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'revenue', value: 500 })).status).toBe(201);
    const doc = document(
      'Forecast falls',
      [
        { id: 'start', kind: 'trigger', config: { event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: ['goal'] } },
        tellOwner('tell', '{{forecast.subjectKind}} heads for {{forecast.value}} of {{forecast.plannedAtDue}}, {{forecast.percentOfPlan}}% (range {{forecast.low}} to {{forecast.high}})'),
        { id: 'end', kind: 'end', config: { result: 'done' } },
      ],
      [['start', 'next', 'tell'], ['tell', 'next', 'end']],
    );
    const flowId = await publishFlow(system.app, doc);
    const res = await simulate(flowId, { version: 1, projectId: project.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const subject = (res.body.timeline.find((e) => e.effect?.kind === 'message')?.effect as { subject: string }).subject;
    expect(subject).toMatch(/^goal heads for 1(499\.\d+|500) of 3000, (49\.9\d|50)% \(range 1(499\.\d+|500) to 1(499\.\d+|500)\)$/);
  });

  it('runs a training-overdue flow on the project’s training item, with its figures in the messages, and says so when there is none', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org);
    const doc = document(
      'Training overdue',
      [
        { id: 'start', kind: 'trigger', config: { event: 'training_overdue' } },
        tellOwner('tell', '{{training.topic}}: {{training.incompleteCount}} of {{training.attendeeCount}} not done'),
        { id: 'end', kind: 'end', config: { result: 'done' } },
      ],
      [['start', 'next', 'tell'], ['tell', 'next', 'end']],
    );
    const flowId = await publishFlow(system.app, doc);
    const none = await simulate(flowId, { version: 1, projectId });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0]?.path).toBe('subjectId');
    const project = (await call(system.app, 'GET', `/api/projects/${projectId}`)).body as { periodStart: string };
    const item = await call(system.app, 'POST', `/api/projects/${projectId}/training`, { topic: 'Demo skills', kind: 'internal', trainerId: org.manager.id, date: project.periodStart, attendeeIds: [org.rep.id] });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const res = await simulate(flowId, { version: 1, projectId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.find((e) => e.effect?.kind === 'message')?.effect).toMatchObject({ subject: 'Demo skills: 1 of 1 not done', to: { id: org.rep.id } });
  });

  it('goes on once from a join that gathers both a nested split and an outer branch', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org);
    const doc = document(
      'Nested split, one join',
      [
        { id: 'start', kind: 'trigger', config: { event: 'plan_submitted' } },
        { id: 'outer', kind: 'parallel_split', config: { branches: 2 } },
        { id: 'inner', kind: 'parallel_split', config: { branches: 2 } },
        tellOwner('a', 'A'),
        tellOwner('b', 'B'),
        tellOwner('c', 'C'),
        { id: 'join', kind: 'parallel_join', config: {} },
        { id: 'task', kind: 'create_task', config: { title: 'Once', assignee: { kind: 'project_owner' }, dueIn: { amount: 1, unit: 'days' } } },
        { id: 'end', kind: 'end', config: { result: 'done' } },
      ],
      [['start', 'next', 'outer'], ['outer', 'branch_1', 'inner'], ['outer', 'branch_2', 'c'], ['inner', 'branch_1', 'a'], ['inner', 'branch_2', 'b'], ['a', 'next', 'join'], ['b', 'next', 'join'], ['c', 'next', 'join'], ['join', 'next', 'task'], ['task', 'next', 'end']],
    );
    const flowId = await publishFlow(system.app, doc);
    const res = await simulate(flowId, { version: 1, projectId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.filter((e) => e.effect?.kind === 'task')).toHaveLength(1);
    expect(res.body.timeline.filter((e) => e.nodeId === 'join' && e.port !== undefined)).toHaveLength(1);
  });

  it('stops at its horizon and says the flow is still waiting', async () => {
    const org = await createOrgChart(system.app);
    const projectId = await planningProject(org);
    const doc = sequentialApproval([org.manager.id], 30);
    for (const node of doc.nodes) if (node.kind === 'approval') node.config.timeout = { amount: 20, unit: 'days' };
    const flowId = await publishFlow(system.app, doc);
    const res = await simulate(flowId, { version: 1, projectId, horizonDays: 5 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('waiting');
    expect(res.body.result).toBeNull();
  });
});
