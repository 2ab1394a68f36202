// Benchmark: the project list over 1,000 projects (goals and KPI reports included), as an admin
// sees it (everything) and as a manager sees it (only the projects of the people below them).
// Run: npx tsx test/bench/project-list.ts  — prints figures, asserts nothing.
import { startBenchDatabase } from './bench-database';
import { projectIdsOf } from '../../db/queries/project-access';
import { listProjects } from '../../db/queries/project-list';
import { sql } from 'kysely';

const PROJECTS = 1000;
const REPORTS_PER_PROJECT = 20;
const RUNS = 20;

async function measure(list: () => Promise<{ rows: unknown[] }>) {
  const times: number[] = [];
  let listed = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    listed = (await list()).rows.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { listed, median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95) - 1] ?? times.at(-1)! };
}

const bench = await startBenchDatabase();
const { db } = bench;
try {
  // A manager with ten reps below, each owning a tenth of the projects; as many again belong to
  // people elsewhere in the company, so the manager's view filters half the projects away.
  const manager = await db.insertInto('users').values({ name: 'Manager', email: 'manager@bench.test', role: 'manager' }).returning('id').executeTakeFirstOrThrow();
  const reps = await db
    .insertInto('users')
    .values(Array.from({ length: 20 }, (_, i) => ({ name: `Rep ${i}`, email: `rep${i}@bench.test`, managerId: i < 10 ? manager.id : null })))
    .returning('id')
    .execute();
  const owner = reps[0]!;
  const start = new Date(Date.now() - 180 * 86_400_000);
  const end = new Date(Date.now() + 185 * 86_400_000);
  const projects = await db
    .insertInto('sales_projects')
    .values(Array.from({ length: PROJECTS }, (_, i) => ({ name: `Project ${i}`, ownerId: reps[i % reps.length]!.id, periodStart: start, periodEnd: end, phase: 'execution' as const })))
    .returning('id')
    .execute();
  await db.insertInto('goals').values(projects.map((p) => ({ projectId: p.id, metric: 'revenue' as const, unit: 'CNY', target: 1_000_000, periodStart: start, periodEnd: end }))).execute();
  const reports = projects.flatMap((p, i) =>
    Array.from({ length: REPORTS_PER_PROJECT }, (_, j) => ({ projectId: p.id, metric: 'revenue', value: 10_000 + ((i * 7 + j * 13) % 40_000), reportedAt: new Date(start.getTime() + j * 7 * 86_400_000), reporterId: owner.id })),
  );
  for (let i = 0; i < reports.length; i += 5000) await db.insertInto('kpi_reports').values(reports.slice(i, i + 5000)).execute();
  await sql`analyze`.execute(db);

  const admin = await measure(() => listProjects(db, { limit: PROJECTS, offset: 0 }, new Date()));
  const managed = await measure(() => listProjects(db, { limit: PROJECTS, offset: 0, readable: projectIdsOf(manager.id, { withReports: true }) }, new Date()));
  console.log(`project list: ${PROJECTS} projects, ${reports.length} KPI reports (${RUNS} runs each)`);
  for (const [who, m] of [['admin (all)', admin], ['manager (their reps)', managed]] as const) {
    console.log(
      `  ${who.padEnd(22)} ${String(m.listed).padStart(5)} rows: median ${m.median.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms; per project ${((m.median / m.listed) * 1000).toFixed(1)} µs; ratio to the 1000 ms page budget ${(m.median / 1000).toFixed(3)}`,
    );
  }
  console.log(`  the manager's visibility filter costs ${(managed.median / admin.median).toFixed(2)}× the unfiltered list for half the rows`);
  console.log(`  heap used after: ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB`);
} finally {
  await bench.stop();
}
