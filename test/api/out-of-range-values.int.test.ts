import { describe, expect, it } from 'vitest';
import { approveAtOnce, createProject, publishFlow } from '../support/factories';
import { call } from '../support/http';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

describe('values beyond what can be stored', () => {
  it.each([
    ['an offset no time zone has', '2027-03-31T18:00:00+19:48'],
    ['an offset west of any time zone', '2027-03-31T18:00:00-13:00'],
    ['the year zero', '0000-03-31T18:00:00Z'],
    ['a year far beyond any plan', '9999-03-31T18:00:00Z'],
  ])('refuses a date-time with %s with 400 naming the field, and stores nothing', async (_what, dueAt) => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createProject(system.app, owner.id, 'Dates');
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: 'Call back', dueAt }, { as: owner });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'dueAt', message: 'must fall in the years 1900 to 2999, with a UTC offset from -12:00 to +14:00' }]);
    expect((await call(system.app, 'GET', `/api/projects/${project.id}/tasks`, undefined, { as: owner })).body).toEqual([]);
  });

  it('takes the offsets time zones have, from -12:00 to +14:00', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createProject(system.app, owner.id, 'Kiribati');
    for (const dueAt of ['2027-03-31T18:00:00+14:00', '2027-03-31T18:00:00-12:00', '2027-03-31T18:00:00+05:45']) {
      const res = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: `Due ${dueAt}`, dueAt }, { as: owner });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(Date.parse(res.body.dueAt)).toBe(Date.parse(dueAt));
    }
  });

  it('refuses a page number beyond any list with 400 naming it, instead of the database refusing it unnamed', async () => {
    for (const [path, field] of [['/api/audit?before=1e20', 'before']] as const) {
      const res = await call(system.app, 'GET', path);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details).toEqual([{ path: field, message: 'must be at most 9007199254740991' }]);
    }
  });

  it('answers 404 for a flow version beyond any there can be, and lists no runs of it', async () => {
    const flowId = await publishFlow(system.app, approveAtOnce('plan_submitted'));
    for (const version of ['2147483648', '99999999999']) {
      const res = await call(system.app, 'GET', `/api/flows/${flowId}/versions/${version}`);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      const heat = await call(system.app, 'GET', `/api/flows/${flowId}/versions/${version}/heat`);
      expect(heat.status, JSON.stringify(heat.body)).toBe(404);
      const runs = await call(system.app, 'GET', `/api/flows/${flowId}/runs?version=${version}`);
      expect(runs.status, JSON.stringify(runs.body)).toBe(200);
      expect(runs.body.items ?? runs.body).toEqual([]);
    }
  });
});
