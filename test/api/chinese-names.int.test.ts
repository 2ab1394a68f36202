// Chinese names work like any other: lists sorted by name put them in pinyin order (the
// `name_order` collation), and a fragment of a Chinese name finds people and projects.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProject } from '../support/factories';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** People of this test's own, with plain e-mails (a Chinese name makes no e-mail address). */
async function addPeople(names: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const res = await call(system.app, 'POST', '/api/users', { name, email: `zh-${randomUUID()}@example.com`, managerId: null, role: 'member' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.set(res.body.id, name);
  }
  return ids;
}

/** The names of `ours` in the order a list answer holds them. */
const inOrder = (items: { id: string; name: string }[], ours: Map<string, string>) => items.filter((item) => ours.has(item.id)).map((item) => item.name);

describe('Chinese names', () => {
  it('sorts people by pinyin: 李娜, 王芳, 张伟, 赵敏, then Latin names', async () => {
    const ours = await addPeople(['张伟', 'Alice', '赵敏', '李娜', '王芳']);
    const res = await call(system.app, 'GET', '/api/users');
    expect(res.status).toBe(200);
    expect(inOrder(res.body, ours)).toEqual(['李娜', '王芳', '张伟', '赵敏', 'Alice']);
  });

  it('finds people by a fragment of a Chinese name, and by part of a Latin one regardless of case', async () => {
    const tag = randomUUID().slice(0, 6);
    const ours = await addPeople([`欧阳明远${tag}`, `欧阳晓${tag}`, `Ouyang ${tag}`, `司马${tag}`]);
    const byFragment = await call(system.app, 'GET', `/api/users?q=${encodeURIComponent('欧阳')}`);
    expect(byFragment.status).toBe(200);
    expect(inOrder(byFragment.body, ours)).toEqual([`欧阳明远${tag}`, `欧阳晓${tag}`]);
    const inTheMiddle = await call(system.app, 'GET', `/api/users?q=${encodeURIComponent(`明远${tag}`)}`);
    expect(inTheMiddle.body.map((u: { name: string }) => u.name)).toEqual([`欧阳明远${tag}`]);
    const latin = await call(system.app, 'GET', `/api/users?q=${encodeURIComponent(`OUYANG ${tag}`)}`);
    expect(latin.body.map((u: { name: string }) => u.name)).toEqual([`Ouyang ${tag}`]);
    expect((await call(system.app, 'GET', '/api/users?who=me')).status).toBe(400);
  });

  it('finds projects by a fragment of a Chinese name', async () => {
    const owner = await addPeople(['周杰']);
    const [ownerId] = [...owner.keys()];
    const tag = randomUUID().slice(0, 6);
    const east = await createProject(system.app, ownerId!, `华东区${tag}年度销售计划`);
    await createProject(system.app, ownerId!, `华南区${tag}年度销售计划`);
    const found = await call(system.app, 'GET', `/api/projects?q=${encodeURIComponent(`华东区${tag}`)}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([east.id]);
    const both = await call(system.app, 'GET', `/api/projects?q=${encodeURIComponent(`${tag}年度销售`)}`);
    expect(both.body.items).toHaveLength(2);
    for (const item of both.body.items as { id: string }[]) await system.client.workflow.getHandle(`sales-project-${item.id}`).terminate('test cleanup');
  });
});
