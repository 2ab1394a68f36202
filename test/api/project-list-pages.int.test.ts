import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../api/contract/list-cursor';
import { createOrgChart } from '../support/factories';
import { call } from '../support/http';
import type { Identity } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });
const DAY_MS = 86_400_000;

/** `count` projects of `ownerId` named `name 1..count`, written in one statement (so they share one creation time). */
async function insertProjects(ownerId: string, name: string, count: number): Promise<string[]> {
  const start = new Date(Date.now() - 30 * DAY_MS);
  const end = new Date(Date.now() + 300 * DAY_MS);
  const rows = await system.db
    .insertInto('sales_projects')
    .values(Array.from({ length: count }, (_, i) => ({ name: `${name} ${i + 1}`, ownerId, periodStart: start, periodEnd: end })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

interface Page {
  items: { id: string; name: string }[];
  nextCursor: string | null;
}

/** Every page of `path` (which has a query already), following nextCursor to the end. */
async function allPages(path: string, as?: Identity): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: Page } = await call<Page>(system.app, 'GET', cursor === null ? path : `${path}&cursor=${encodeURIComponent(cursor)}`, undefined, as ? { as } : {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(res.body);
    cursor = res.body.nextCursor;
  } while (cursor !== null && pages.length < 1000);
  return pages;
}

describe('the project list, a page at a time', () => {
  it('lists every project a manager may see exactly once across its pages, and none they may not, while projects are being added', async () => {
    const org = await createOrgChart(system.app);
    const outsider = await createUser(system.app, 'Outsider', null, 'member');
    const tag = randomUUID().slice(0, 8);
    // Visible to the manager: their own, their rep's (some written together, so they share a
    // creation time and only the id orders them), and an outsider's with the rep on the team.
    const visible = [
      ...(await insertProjects(org.rep.id, `Rep batch ${tag}`, 40)),
      ...(await insertProjects(org.manager.id, `Manager batch ${tag}`, 15)),
    ];
    for (let i = 0; i < 20; i++) visible.push(...(await insertProjects(org.rep.id, `Rep single ${tag} ${i}`, 1)));
    const teamed = await insertProjects(outsider.id, `Teamed ${tag}`, 8);
    await system.db.insertInto('project_members').values(teamed.map((projectId) => ({ projectId, userId: org.rep.id, role: 'member' as const }))).execute();
    visible.push(...teamed);
    // Not visible: an outsider's, and the director's (above the manager, not below).
    const invisible = [...(await insertProjects(outsider.id, `Outside ${tag}`, 25)), ...(await insertProjects(org.director.id, `Above ${tag}`, 10))];

    // Projects keep arriving, seen and unseen, while the manager pages through.
    let paging = true;
    const added = { visible: [] as string[], invisible: [] as string[] };
    const adding = (async () => {
      for (let i = 0; paging && i < 200; i++) {
        added.visible.push(...(await insertProjects(i % 2 === 0 ? org.rep.id : org.manager.id, `New ${tag} ${i}`, 1)));
        added.invisible.push(...(await insertProjects(outsider.id, `New outside ${tag} ${i}`, 1)));
      }
    })();
    const pages = await allPages('/api/projects?limit=7', org.manager).finally(() => {
      paging = false;
    });
    await adding;

    const listed = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.every((p) => p.items.length <= 7)).toBe(true);
    expect(added.visible.length).toBeGreaterThan(0);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(visible));
    for (const id of [...invisible, ...added.invisible]) expect(listed).not.toContain(id);
    // Anything else listed is one of the projects added meanwhile.
    const known = new Set([...visible, ...added.visible]);
    expect(listed.filter((id) => !known.has(id))).toEqual([]);
  });

  it('lists the newest first, and pages of the filtered list hold every match once', async () => {
    const org = await createOrgChart(system.app);
    const tag = randomUUID().slice(0, 8);
    const older = await insertProjects(org.rep.id, `Filtered ${tag} older`, 6);
    const newer = await insertProjects(org.rep.id, `Filtered ${tag} newer`, 6);
    await insertProjects(org.manager.id, `Filtered ${tag} not the owner`, 4);
    await system.db.updateTable('sales_projects').set({ phase: 'execution' }).where('id', 'in', older.slice(0, 2)).execute();

    const pages = await allPages(`/api/projects?q=${tag}&ownerId=${org.rep.id}&phase=planning&limit=3`, org.manager);
    const listed = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(listed).toHaveLength(10);
    expect(new Set(listed)).toEqual(new Set([...newer, ...older.slice(2)]));
    // Newer statement, newer projects: all six come before the older ones.
    expect(new Set(listed.slice(0, 6))).toEqual(new Set(newer));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 3, 1]);
  });

  it('answers 50 projects a page unless asked for another number', async () => {
    const org = await createOrgChart(system.app);
    await insertProjects(org.rep.id, `Many ${randomUUID().slice(0, 8)}`, 55);
    const first = await call<Page>(system.app, 'GET', '/api/projects', undefined, { as: org.manager });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await call<Page>(system.app, 'GET', `/api/projects?cursor=${first.body.nextCursor}`, undefined, { as: org.manager });
    expect(rest.body.items).toHaveLength(5);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses a limit or a cursor it cannot use with 400 naming the field', async () => {
    const notADay = encodeCursor({ at: '2026-02-31T10:00:00.000000Z', id: randomUUID() });
    const notAnId = btoa(JSON.stringify(['2026-02-03T10:00:00.000000Z', 'x'])).replace(/=+$/, '');
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=2.5', 'limit'],
      ['cursor=nonsense', 'cursor'],
      ['cursor=', 'cursor'],
      [`cursor=${notADay}`, 'cursor'],
      [`cursor=${notAnId}`, 'cursor'],
      [`cursor=${'A'.repeat(300)}`, 'cursor'],
    ] as const) {
      const res = await call(system.app, 'GET', `/api/projects?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path), query).toEqual([field]);
    }
    const tooMany = await call(system.app, 'GET', '/api/projects?limit=201');
    expect(tooMany.body.error.details[0].message).toBe('must be at most 200');
  });
});
