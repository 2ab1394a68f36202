import { describe, expect, it } from 'vitest';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

// An instance of the file's own: its language is instance-wide, and the suite's other files expect English.
const system = useSystem({ worker: true, ...useFreshInstance('instance_language') });

/** The subjects of what reached this person's inbox. */
async function inboxSubjects(userId: string): Promise<string[]> {
  const rows = await system.db.selectFrom('inbox_items').select('payload').where('userId', '=', userId).execute();
  return rows.map((row) => String((row.payload as { subject?: unknown }).subject));
}

describe('the instance language', () => {
  it('is what Milepost writes in to people who chose no language, while one who chose keeps theirs; only an admin sets it', async () => {
    const admin = await createPersonIn(system.db, 'Ada Admin', 'admin');
    expect((await call(system.app, 'GET', '/api/settings/language', undefined, { as: admin })).body).toEqual({ language: 'en' });

    // Two managers, one who chose English and one who chose nothing, each with a rep whose plan they approve.
    const chose = await createPersonIn(system.db, 'Eve English', 'manager');
    await system.db.updateTable('users').set({ language: 'en' }).where('id', '=', chose.id).execute();
    const none = await createPersonIn(system.db, 'Wang Wei', 'manager');
    const reps = [await createPersonIn(system.db, 'Rep One', 'member', chose.id), await createPersonIn(system.db, 'Rep Two', 'member', none.id)];

    const refused = await call(system.app, 'PUT', '/api/settings/language', { language: 'zh-CN' }, { as: none });
    expect(refused.status).toBe(403);
    const invalid = await call(system.app, 'PUT', '/api/settings/language', { language: 'fr' }, { as: admin });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['language']);
    const set = await call(system.app, 'PUT', '/api/settings/language', { language: 'zh-CN' }, { as: admin });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await call(system.app, 'GET', '/api/settings/language', undefined, { as: none })).body).toEqual({ language: 'zh-CN' });

    for (const rep of reps) {
      const project = await call<{ id: string }>(system.app, 'POST', '/api/projects', { name: `Plan of ${rep.name}`, ownerId: rep.id, periodStart: new Date().toISOString(), periodEnd: new Date(Date.now() + 90 * 86_400_000).toISOString(), milestones: [] }, { as: rep });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      const submitted = await call(system.app, 'POST', `/api/projects/${project.body.id}/submit`, {}, { as: rep });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    }
    // The default plan approval flow asks each rep's manager, in the language each reads.
    await eventually(async () => expect(await inboxSubjects(none.id)).toEqual(['待审批的计划：Plan of Rep Two']), { timeoutMs: 30_000, intervalMs: 250 });
    await eventually(async () => expect(await inboxSubjects(chose.id)).toEqual(['Plan to approve: Plan of Rep One']), { timeoutMs: 30_000, intervalMs: 250 });

    // The change is in the audit trail, under the admin.
    const trail = await system.db.selectFrom('audit_events').select(['actorKind', 'actorUserId', 'before', 'after']).where('entity', '=', 'instance_settings').execute();
    expect(trail).toEqual([
      expect.objectContaining({ actorUserId: admin.id, before: expect.objectContaining({ language: 'en' }), after: expect.objectContaining({ language: 'zh-CN' }) }),
    ]);
  });
});
