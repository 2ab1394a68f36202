import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { document, endWith, onPlanSubmitted } from '../support/flow-shapes';
import { call } from '../support/http';
import { createUser } from '../support/people';
import { createPlanProject, planCounts, revenueGoal2027, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** Every kind of name people give things through the API, with the field that carries it. */
const named = (projectId: string, ownerId: string) =>
  [
    ['a team', '/api/teams', (name: string) => ({ name }), 'name'],
    ['a person', '/api/users', (name: string) => ({ name, email: `p-${randomUUID()}@example.com` }), 'name'],
    ['an API token', '/api/auth/tokens', (name: string) => ({ name, role: 'viewer' }), 'name'],
    ['a project', '/api/projects', (name: string) => ({ name, ownerId, ...year2027 }), 'name'],
    ['a task', `/api/projects/${projectId}/tasks`, (title: string) => ({ title }), 'title'],
    ['a risk', `/api/projects/${projectId}/risks`, (title: string) => ({ title, probability: 2, impact: 3 }), 'title'],
    ['a budget line', `/api/projects/${projectId}/budget`, (category: string) => ({ category, planned: 1000 }), 'category'],
    ['a goal unit', `/api/projects/${projectId}/goals`, (unit: string) => ({ ...revenueGoal2027, unit }), 'unit'],
    ['a milestone', `/api/projects/${projectId}/milestones`, (name: string) => ({ name, dueAt: '2027-03-31T18:00:00+08:00', metric: 'revenue', targetValue: 10, ownerId }), 'name'],
  ] as const;

describe('names people read, everywhere the API takes one', () => {
  it('refuses a direction override, a control character and an invisible-only name in each, naming the field, and stores nothing', async () => {
    const owner = await createUser(system.app, 'Owner', null, 'admin');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
    const before = await planCounts(system.db, project.id);
    for (const [what, path, body, field] of named(project.id, owner.id)) {
      for (const [bad, problem] of [
        ['invoice\u202Efdp.exe', 'must not contain U+202E, which changes the direction text is shown in'],
        ['Q3 \u0007 push', 'must not contain the control character U+0007 (it is one line of text)'],
        ['\u200B\u200B', 'must show something: it has only spaces or invisible characters'],
      ] as const) {
        const res = await call(system.app, 'POST', path, body(bad), { as: owner });
        expect(res.status, `${what} ${JSON.stringify(bad)}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error.details, what).toContainEqual(expect.objectContaining({ path: field, message: expect.stringContaining(problem) }));
      }
    }
    expect(await planCounts(system.db, project.id)).toEqual(before);
  });

  it("refuses the same in a flow's name and a step's label, when a flow is created, saved or imported, and the validation marks the step", async () => {
    const ops = await createUser(system.app, 'Olga Ops', null, 'ops');
    const flow = (name: string, label?: string) => {
      const draft = document(name, [onPlanSubmitted(), endWith('done', 'done')], [['start', 'next', 'done']]);
      return label === undefined ? draft : { ...draft, nodes: draft.nodes.map((n) => (n.id === 'done' ? { ...n, label } : n)) };
    };
    // Only the flows this test names: other files create flows in the same database meanwhile.
    const flowCount = async () =>
      Number((await system.db.selectFrom('flows').select((eb) => eb.fn.countAll().as('n')).where('name', 'in', ['invoice\u202Efdp.exe', 'Fine name']).executeTakeFirstOrThrow()).n);
    const before = await flowCount();
    const badName = await call(system.app, 'POST', '/api/flows', { draft: flow('invoice\u202Efdp.exe') }, { as: ops });
    expect(badName.status, JSON.stringify(badName.body)).toBe(400);
    expect(badName.body.error.details).toContainEqual(expect.objectContaining({ path: 'draft.name', message: expect.stringContaining('U+202E') }));
    const badLabel = await call(system.app, 'POST', '/api/flows', { draft: flow('Fine name', 'Done\u0007') }, { as: ops });
    expect(badLabel.status, JSON.stringify(badLabel.body)).toBe(400);
    expect(badLabel.body.error.details).toContainEqual(expect.objectContaining({ path: 'draft.nodes.1.label', message: expect.stringContaining('U+0007') }));
    expect(await flowCount()).toBe(before);

    const created = await call(system.app, 'POST', '/api/flows', { draft: flow('Fine name') }, { as: ops });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const saved = await call(system.app, 'PUT', `/api/flows/${created.body.id}/draft`, { draft: flow('Fine name', '\u200B') }, { as: ops });
    expect(saved.status, JSON.stringify(saved.body)).toBe(400);
    const imported = await call(system.app, 'POST', '/api/flows/import', { draft: flow('Fine name', '\u200B') }, { as: ops });
    expect(imported.status, JSON.stringify(imported.body)).toBe(422);
    expect(imported.body.error.details).toContainEqual(expect.objectContaining({ nodeId: 'done', code: 'unreadable_text', message: expect.stringContaining('must show something') }));
    const checked = await call(system.app, 'POST', '/api/flows/validate', { draft: flow('Fine name', 'Done\u202E') }, { as: ops });
    expect(checked.body).toContainEqual(expect.objectContaining({ nodeId: 'done', field: 'label', code: 'unreadable_text' }));
  });

  it('keeps Chinese names as typed and stores a name in normal form C', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
    const chinese = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: '拜访华东区前十大客户' }, { as: owner });
    expect(chinese.body.title).toBe('拜访华东区前十大客户');
    const decomposed = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: 'Cafe\u0301 Müller' }, { as: owner });
    expect(decomposed.body.title).toBe('Caf\u00E9 Müller');
  });
});
