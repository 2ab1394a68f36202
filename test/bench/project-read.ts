// Benchmark: one project's page (`GET /api/projects/{id}`) as a manager reads it, over real HTTP
// with 10 connections, against hello-world Hono in the same process. The Temporal client points
// at a port nothing listens on for the whole run: a read that asked the engine would fail or wait.
// The app is as in production: request logs (at warn, as by default without a logger) and metrics.
// Run: npx tsx test/bench/project-read.ts [--large]  (1,000 projects; 10,000 with --large)
import { Client, Connection } from '@temporalio/client';
import { sql } from 'kysely';
import { freePort } from '../../activities/runtime/free-port';
import { createApp } from '../../api/app';
import { projectPages } from '../../api/project-pages';
import { createApiToken } from '../../db/queries/auth';
import { startPrincipalCache } from '../../api/auth/principal-cache';
import { newLifecycleState } from '../../workflows/sales-project-messages';
import { startBenchDatabase } from './bench-database';
import type { Bench, BenchRow } from './bench-table';
import { describeLoad, helloWorld, load, serveOverHttp, type LoadFigures } from './http-load';

const MILESTONES = 12;
const ROUNDS = 3;

export const bench: Bench = async ({ large }) => {
  const projects = large ? 10_000 : 1_000;
  const database = await startBenchDatabase();
  const { db } = database;
  const connection = await Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  try {
    // A manager with ten reps below, each owning a tenth of the projects the manager reads.
    const manager = await db.insertInto('users').values({ name: 'Manager', email: 'manager@bench.test', role: 'manager' }).returning('id').executeTakeFirstOrThrow();
    const reps = await db
      .insertInto('users')
      .values(Array.from({ length: 10 }, (_, i) => ({ name: `Rep ${i}`, email: `rep${i}@bench.test`, managerId: manager.id })))
      .returning('id')
      .execute();
    const start = new Date(Date.now() - 180 * 86_400_000);
    const end = new Date(Date.now() + 185 * 86_400_000);
    const ids: string[] = [];
    for (let i = 0; i < projects; i += 500) {
      const rows = await db
        .insertInto('sales_projects')
        .values(Array.from({ length: Math.min(500, projects - i) }, (_, j) => ({ name: `Project ${i + j}`, ownerId: reps[(i + j) % reps.length]!.id, periodStart: start, periodEnd: end, phase: 'execution' as const })))
        .returning(['id', 'ownerId'])
        .execute();
      ids.push(...rows.map((r) => r.id));
      await db
        .insertInto('milestones')
        .values(rows.flatMap((p) => Array.from({ length: MILESTONES }, (_, m) => ({ projectId: p.id, name: `Month ${m + 1}`, dueAt: new Date(start.getTime() + (m + 1) * 30 * 86_400_000), metric: 'revenue', targetValue: 100_000 * (m + 1), ownerId: p.ownerId }))))
        .execute();
      const state = { ...newLifecycleState(), phase: 'execution' as const, nextReviewAt: end.toISOString() };
      await db.insertInto('project_lifecycles').values(rows.map((p) => ({ projectId: p.id, state: JSON.stringify(state), version: 1 }))).execute();
    }
    await sql`analyze`.execute(db);
    const { token } = await createApiToken(db, { userId: manager.id, name: 'bench', role: 'manager' });

    // As the api role runs it: who is behind the token is remembered (api/auth/principal-cache.ts).
    const principalCache = await startPrincipalCache({ listenUrl: database.url });
    // Every page fits in the replica's keep (API_PROJECT_PAGES), as it would be sized for this many projects.
    const client = new Client({ connection });
    const app = createApp({ db, temporal: { client, taskQueue: 'bench' }, principalCache, projectPages: projectPages(db, client, { max: projects }) });
    const api = await serveOverHttp(app.fetch);
    const peer = await helloWorld();
    try {
      const check = await fetch(`${api.url}/api/projects/${ids[0]}`, { headers: { authorization: `Bearer ${token}` } });
      if (check.status !== 200) throw new Error(`The project read answered ${check.status}: ${await check.text()}`);
      let next = 0;
      const path = () => `/api/projects/${ids[next++ % ids.length]}`;
      const headers = { authorization: `Bearer ${token}` };
      // Warmed up once (every page read once: the first reads load them), then alternating rounds,
      // so that a busy moment of the machine weighs on both sides alike; the median round counts.
      const firstReads = await load(api.url, { headers, path, seconds: Math.max(1, ids.length / 400), warmUpSeconds: 0 });
      const rounds: { milepost: LoadFigures; hello: LoadFigures }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        rounds.push({ milepost: await load(api.url, { headers, path, seconds: 3, warmUpSeconds: 0.5 }), hello: await load(peer.url, { path, seconds: 3, warmUpSeconds: 0.5 }) });
      }
      const ratioOf = (r: (typeof rounds)[number]) => r.milepost.requestsPerSecond / r.hello.requestsPerSecond;
      const { milepost, hello } = rounds.sort((x, y) => ratioOf(x) - ratioOf(y))[Math.floor(ROUNDS / 2)]!;
      const rows: BenchRow[] = [
        {
          what: `project read (GET /api/projects/{id}), 10 connections, ${projects.toLocaleString('en')} projects × ${MILESTONES} milestones, Temporal unreachable, the replica keeping ${projects.toLocaleString('en')} pages, median of ${ROUNDS} rounds × 3 s`,
          milepost: `${describeLoad(milepost)} (the first pass, in which each page is loaded once: ${describeLoad(firstReads)})`,
          peer: `hello-world Hono, the same paths: ${describeLoad(hello)}`,
          ratio: milepost.requestsPerSecond / hello.requestsPerSecond,
          target: '≥ 0.15× and p99 < 20 ms; < 50 ms with Temporal down',
          met: milepost.failures === 0 && milepost.requestsPerSecond / hello.requestsPerSecond >= 0.15 && milepost.p99Ms < 20,
        },
      ];
      return rows;
    } finally {
      await api.close();
      await peer.close();
      await principalCache.close();
    }
  } finally {
    await connection.close();
    await database.stop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printBenchTable } = await import('./bench-table');
  console.log(printBenchTable(await bench({ large: process.argv.includes('--large') })));
}
