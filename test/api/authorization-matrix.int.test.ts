import { mkdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, eventually } from '../support/http';
import { auditRowsBy, lastAuditId, workflowAuditRows } from '../support/audit';
import { useSystem } from '../support/system';
import { createFixtures, expectedStatus, routes, type Fixtures } from './access-routes';
import { actors, createWorld, type World } from './access-world';

const system = useSystem();

describe('who may call which route', () => {
  let world: World;
  let fixtures: Fixtures;

  beforeAll(async () => {
    world = await createWorld(system.app, system.db);
    fixtures = await createFixtures(world);
  }, 300_000);

  it('answers every route for every role as the matrix says, writes nothing when it refuses, and audits every change it allows', async () => {
    const table = routes(world, fixtures);
    const documented = Object.entries(system.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Milepost', version: '0' } }).paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(Object.keys(table).sort()).toEqual([...documented].sort());

    const mismatches: string[] = [];
    const lines = [`| route | ${actors.join(' | ')} |`, `|---|${actors.map(() => '---').join('|')}|`];
    for (const [key, route] of Object.entries(table)) {
      const method = key.split(' ')[0]!;
      const cells: string[] = [];
      for (const actor of actors) {
        const expected = expectedStatus(route, actor);
        const allowed = route.allow === 'public' || (actor !== 'anonymous' && route.allow.includes(actor));
        const request = await route.send(actor, allowed);
        const userId = actor === 'anonymous' ? undefined : world.people[actor].id;
        const before = await lastAuditId(system.db);
        const res = await call(system.app, method, request.path, request.body, { as: world.as(actor) });
        cells.push(res.status === expected ? String(res.status) : `**${res.status}≠${expected}**`);
        if (res.status !== expected) mismatches.push(`${key} as ${actor}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body)?.slice(0, 300)}`);
        if (userId === undefined) continue;
        const changed = route.audited ?? method !== 'GET';
        if (res.status >= 400 || !changed) {
          const written = await auditRowsBy(system.db, userId, before);
          if (written > 0) mismatches.push(`${key} as ${actor}: answered ${res.status} but wrote ${written} audited change(s)`);
        } else if (res.status === expected) {
          const written = await eventually(async () => {
            const n = route.auditedAs === 'workflow' ? await workflowAuditRows(system.db, projectIdIn(request.path), before) : await auditRowsBy(system.db, userId, before);
            expect(n).toBeGreaterThan(0);
            return n;
          }, { timeoutMs: 5_000 }).catch(() => 0);
          if (written === 0) mismatches.push(`${key} as ${actor}: changed something, but the audit trail does not show it`);
        }
      }
      lines.push(`| \`${key}\` | ${cells.join(' | ')} |`);
    }
    await mkdir('test/artifacts', { recursive: true });
    await writeFile('test/artifacts/authorization-matrix.md', `# Who may call which route (observed)\n\n${lines.join('\n')}\n`);
    expect(mismatches).toEqual([]);
  });
});

const projectIdIn = (path: string) => /\/api\/projects\/([0-9a-f-]{36})/.exec(path)![1]!;
