import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../workflows/flow/catalog';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { bind, createOrgChart, publishFlow, startExecution } from '../support/factories';
import { at, closeProject, createPlanningProject, finishedRun, flowRunOf, portsOf, runOnPlanSubmitted, runToTheEnd } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();

/** `event` → one step → end. */
function oneStep(event: 'plan_submitted' | 'project_closed', step: Pick<FlowNode, 'kind' | 'config'>): FlowDocument {
  return {
    schemaVersion: 1,
    name: `One ${step.kind} step`,
    nodes: [
      { id: 'start', kind: 'trigger', config: { event }, position: at(0) },
      { id: 'step', ...step, position: at(1) } as FlowNode,
      { id: 'done', kind: 'end', config: { result: event === 'plan_submitted' ? 'approved' : 'done' }, position: at(2) },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'step', targetPort: 'in' },
      { id: 'e2', source: 'step', sourcePort: 'next', target: 'done', targetPort: 'in' },
    ],
  };
}

describe('steps that change the project, on the real engine', () => {
  it('sets the project’s health with its rendered reason, and the audit trail names the flow run', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, projectName, run } = await runToTheEnd(system, org, oneStep('plan_submitted', { kind: 'set_status', config: { status: 'off_track', reason: 'Plan of {{project.name}} needs work' } }));
    expect(portsOf(run, 'step')).toEqual(['next']);

    const project = await call(system.app, 'GET', `/api/projects/${projectId}`);
    expect(project.body).toMatchObject({ health: 'off_track', healthReason: `Plan of ${projectName} needs work` });
    const audit = await call(system.app, 'GET', `/api/audit?projectId=${projectId}`);
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    type Row = { health?: string | null; health_reason?: string | null };
    const events = audit.body.events as { entity: string; action: string; actor: { kind: string; detail: string }; before: Row; after: Row }[];
    const changes = events.filter((e) => e.entity === 'sales_projects' && e.action === 'update' && e.before.health !== e.after.health);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({ actor: { kind: 'workflow', detail: run.workflowId }, before: { health: null }, after: { health: 'off_track', health_reason: `Plan of ${projectName} needs work` } });
    await closeProject(system, projectId, org.rep);
  });

  it('creates a task with its rendered title for the person the rule names, due when the step says', async () => {
    const org = await createOrgChart(system.app);
    const before = Date.now();
    const { projectId, projectName } = await runOnPlanSubmitted(
      system,
      org,
      oneStep('plan_submitted', {
        kind: 'create_task',
        config: { title: 'Review the plan of {{project.name}} with {{project.owner.name}}', assignee: { kind: 'owner_manager', fallback: { kind: 'project_owner' } }, dueIn: { amount: 2, unit: 'days' } },
      }),
    );
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect(portsOf(run, 'step')).toEqual(['next']);
    const after = Date.now();

    const tasks = await call(system.app, 'GET', `/api/projects/${projectId}/tasks`);
    expect(tasks.status, JSON.stringify(tasks.body)).toBe(200);
    expect(tasks.body).toHaveLength(1);
    const [task] = tasks.body as { title: string; assigneeId: string; dueAt: string; status: string }[];
    expect(task).toMatchObject({ title: `Review the plan of ${projectName} with ${org.rep.name}`, assigneeId: org.manager.id });
    const due = Date.parse(task!.dueAt);
    expect(due).toBeGreaterThanOrEqual(before + 2 * 86_400_000 - 1_000);
    expect(due).toBeLessThanOrEqual(after + 2 * 86_400_000);
    await closeProject(system, projectId, org.rep);
  });

  it('starts the closing review from a step on project_closed, and the project still has exactly one', async () => {
    const org = await createOrgChart(system.app);
    const { id: projectId } = await createPlanningProject(system, org);
    await startExecution(system.app, projectId, org.rep);
    await bind(system.app, 'project_closed', projectId, await publishFlow(system.app, oneStep('project_closed', { kind: 'start_retrospective', config: {} })));
    // Closing starts the review by itself, and then the bound flow asks for it again.
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'lost' }, { as: org.rep })).status).toBe(200);
    const run = await finishedRun(system, (await flowRunOf(system, projectId, 'project_closed')).id);
    expect(portsOf(run, 'step')).toEqual(['next']);
    const rows = await system.db.selectFrom('retrospectives').select('id').where('projectId', '=', projectId).execute();
    expect(rows).toHaveLength(1);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}/retrospective`)).body.id).toBe(rows[0]!.id));
  });

  it('starts the closing review from a step before the project closes, and closing then starts no second one', async () => {
    const org = await createOrgChart(system.app);
    const { projectId } = await runOnPlanSubmitted(system, org, oneStep('plan_submitted', { kind: 'start_retrospective', config: {} }));
    await finishedRun(system, (await flowRunOf(system, projectId)).id);
    const started = await eventually(async () => {
      const rows = await system.db.selectFrom('retrospectives').select('id').where('projectId', '=', projectId).execute();
      expect(rows).toHaveLength(1);
      return rows[0]!.id;
    });
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('execution'));
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'won' }, { as: org.rep })).status).toBe(200);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${projectId}`)).body.phase).toBe('closing_review'));
    const rows = await system.db.selectFrom('retrospectives').select('id').where('projectId', '=', projectId).execute();
    expect(rows.map((r) => r.id)).toEqual([started]);
  });
});
