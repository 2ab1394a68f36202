// Benchmark: the project list over 1,000 projects (goals and KPI reports included).
// Run: npx tsx test/bench/project-list.ts  — prints figures, asserts nothing.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../activities/runtime/free-port';
import { createDb } from '../../db/connect';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { migrateToLatest } from '../../db/migrate';
import { listProjects } from '../../db/queries/project-list';
import { sql } from 'kysely';

const PROJECTS = 1000;
const REPORTS_PER_PROJECT = 20;
const RUNS = 20;

const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-bench-'));
await chmod(dir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
const db = createDb(pg.url);
try {
  await migrateToLatest(db);
  const owner = await db.insertInto('users').values({ name: 'Owner', email: 'owner@bench.test' }).returning('id').executeTakeFirstOrThrow();
  const start = new Date(Date.now() - 180 * 86_400_000);
  const end = new Date(Date.now() + 185 * 86_400_000);
  const projects = await db
    .insertInto('sales_projects')
    .values(Array.from({ length: PROJECTS }, (_, i) => ({ name: `Project ${i}`, owner_id: owner.id, period_start: start, period_end: end, phase: 'execution' as const })))
    .returning('id')
    .execute();
  await db.insertInto('goals').values(projects.map((p) => ({ project_id: p.id, metric: 'revenue' as const, unit: 'CNY', target: 1_000_000, period_start: start, period_end: end }))).execute();
  const reports = projects.flatMap((p, i) =>
    Array.from({ length: REPORTS_PER_PROJECT }, (_, j) => ({ project_id: p.id, metric: 'revenue', value: 10_000 + ((i * 7 + j * 13) % 40_000), reported_at: new Date(start.getTime() + j * 7 * 86_400_000), reporter_id: owner.id })),
  );
  for (let i = 0; i < reports.length; i += 5000) await db.insertInto('kpi_reports').values(reports.slice(i, i + 5000)).execute();
  await sql`analyze`.execute(db);

  const times: number[] = [];
  let listed = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const { rows } = await listProjects(db, { limit: PROJECTS, offset: 0 }, new Date());
    times.push(performance.now() - t0);
    listed = rows.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95) - 1] ?? times.at(-1)!;
  console.log(`project list: ${listed} projects, ${reports.length} KPI reports`);
  console.log(`  median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, first ${times[0]!.toFixed(1)} ms (of ${RUNS} runs)`);
  console.log(`  per project: ${((median / listed) * 1000).toFixed(1)} µs; budget for the whole page (render included) is 1000 ms: ratio ${(median / 1000).toFixed(3)}`);
  console.log(`  heap used after: ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB`);
} finally {
  await db.destroy();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
