// Benchmark: one page of the project list (`GET /api/projects?limit=50`) as a manager, over real
// HTTP with 10 connections, at 1,000 projects (and 10,000 with `large`), against a hello-world Hono
// app on @hono/node-server in the same script. Half the projects belong to the people below the
// manager (two levels of them); each has a goal, a year of KPI reports, some an open escalation.
// `npx tsx test/bench/project-list.ts [--large] [--explain]` prints the rows (and, with --explain,
// the plan of the list query at the largest size).
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { createApp } from '../../api/app';
import { startPrincipalCache } from '../../api/auth/principal-cache';
import type { Db } from '../../db/connect';
import { createApiToken } from '../../db/queries/auth';
import { projectListQuery } from '../../db/queries/project-list';
import { printBenchTable, type Bench, type BenchRow } from './bench-table';
import { startBenchDatabase } from './bench-database';
import { describeLoad, helloWorld, load, serveOverHttp } from './http-load';

const REPORTS_PER_PROJECT = 12;
const TARGET = 0.1;
const DAY_MS = 86_400_000;

/** A manager over 4 leads over 5 reps each, and as many people elsewhere; the manager's API token. */
export async function seedPeople(db: Db): Promise<{ managerId: string; token: string; owners: string[] }> {
  const user = (name: string, managerId: string | null, role: 'manager' | 'member' = 'member') =>
    db.insertInto('users').values({ name, email: `${name.toLowerCase().replace(/ /g, '.')}@bench.test`, managerId, role }).returning('id').executeTakeFirstOrThrow();
  const manager = await user('Mia Manager', null, 'manager');
  const below: string[] = [];
  const elsewhere: string[] = [];
  for (let lead = 0; lead < 4; lead++) {
    const leader = await user(`Lead ${lead}`, manager.id, 'manager');
    below.push(leader.id);
    for (let rep = 0; rep < 5; rep++) below.push((await user(`Rep ${lead}-${rep}`, leader.id)).id);
  }
  const other = await user('Otto Othermanager', null, 'manager');
  for (let i = 0; i < below.length - 1; i++) elsewhere.push((await user(`Other ${i}`, other.id)).id);
  elsewhere.push(other.id);
  const { token } = await createApiToken(db, { userId: manager.id, name: 'bench', role: 'manager' });
  // Alternating: every other project is visible to the manager.
  return { managerId: manager.id, token, owners: below.flatMap((id, i) => [id, elsewhere[i]!]) };
}

/**
 * Projects `from`..`to` (numbered), created a second apart, each with a goal (a quarter of them a
 * rate, where the latest report counts), a year of KPI reports, and an open escalation on every tenth,
 * written with set-based SQL rather than through the workflow engine.
 */
export async function seedProjects(db: Db, owners: string[], from: number, to: number): Promise<void> {
  const start = new Date(Date.now() - 180 * DAY_MS);
  const end = new Date(Date.now() + 185 * DAY_MS);
  await sql`
    insert into sales_projects (name, owner_id, period_start, period_end, phase, created_at)
    select 'Project ' || i, (${owners}::uuid[])[1 + i % ${owners.length}], ${start}::timestamptz, ${end}::timestamptz,
           (array['planning', 'execution', 'monitoring'])[1 + i % 3], now() - make_interval(secs => ${to} - i)
    from generate_series(${from}::int, ${to}::int) i`.execute(db);
  await sql`
    insert into goals (project_id, metric, unit, target, period_start, period_end)
    select p.id, case when n.level then 'market_share' else 'revenue' end, case when n.level then '%' else 'CNY' end,
           case when n.level then 30 else 1000000 end, p.period_start, p.period_end
    from sales_projects p cross join lateral (select substring(p.name from '\\d+$')::int / 2 % 4 = 1 as level) n
    where not exists (select 1 from goals g where g.project_id = p.id)`.execute(db);
  await sql`
    insert into kpi_reports (project_id, metric, value, reported_at, reporter_id)
    select g.project_id, g.metric, case when g.metric = 'revenue' then 10000 + (j * 7919 + length(p.name) * 104729) % 90000 else 10 + j end,
           p.period_start + make_interval(days => j * 30), p.owner_id
    from goals g join sales_projects p on p.id = g.project_id cross join generate_series(0, ${REPORTS_PER_PROJECT - 1}::int) j
    where not exists (select 1 from kpi_reports k where k.project_id = p.id)`.execute(db);
  await sql`
    with m as (
      insert into milestones (project_id, name, due_at, metric, target_value, owner_id, status)
      select p.id, 'First deals', p.period_start + interval '30 days', 'revenue', 100000, p.owner_id, 'missed'
      from sales_projects p where right(p.name, 1) = '0' and not exists (select 1 from milestones x where x.project_id = p.id)
      returning id, project_id, owner_id
    )
    insert into escalations (project_id, milestone_id, level, recipient_id) select project_id, id, 1, owner_id from m`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

/** The list query's plan at this size, as the manager's first page asks it. */
async function explain(db: Db, managerId: string): Promise<string> {
  const query = projectListQuery({ limit: 50, reader: { userId: managerId, withReports: true } }, new Date());
  const plan = await sql<Record<string, string>>`explain (analyze, buffers) ${query}`.execute(db);
  return plan.rows.map((r) => Object.values(r).join(" ")).join('\n');
}

export const bench: Bench = async ({ large }) => runBench({ large, explainPlan: false }).then((r) => r.rows);

async function runBench({ large, explainPlan }: { large: boolean; explainPlan: boolean }): Promise<{ rows: BenchRow[]; plan: string | undefined }> {
  const bench = await startBenchDatabase();
  const { db } = bench;
  // As the api role runs it: who is behind the token is remembered (api/auth/principal-cache.ts).
  const principalCache = await startPrincipalCache({ listenUrl: bench.url });
  const app = createApp({ db, temporal: { client: new Client(), taskQueue: 'bench' }, principalCache });
  const milepost = await serveOverHttp(app.fetch);
  const hello = await helloWorld();
  const rows: BenchRow[] = [];
  let plan: string | undefined;
  try {
    const { managerId, token, owners } = await seedPeople(db);
    let seeded = 0;
    for (const size of large ? [1000, 10_000] : [1000]) {
      await seedProjects(db, owners, seeded + 1, size);
      seeded = size;
      const first = await fetch(`${milepost.url}/api/projects?limit=50`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await first.json()) as { items?: unknown[] };
      if (first.status !== 200 || body.items?.length !== 50) throw new Error(`The list did not answer a page of 50: ${first.status} ${JSON.stringify(body).slice(0, 300)}`);
      // One after the other, the peer last: no request of the list is left in flight when the database stops.
      if (explainPlan) plan = await explain(db, managerId);
      const list = await load(milepost.url, { headers: { authorization: `Bearer ${token}` }, path: () => '/api/projects?limit=50' });
      const peer = await load(hello.url, { path: () => '/api/projects?limit=50' });
      const ratio = list.requestsPerSecond / peer.requestsPerSecond;
      rows.push({
        what: `project list, 50 of ${size.toLocaleString('en-US')} projects as a manager (half theirs), 10 connections`,
        milepost: describeLoad(list),
        peer: `hello-world Hono: ${describeLoad(peer)}`,
        ratio,
        target: `≥ ${TARGET}×`,
        met: ratio >= TARGET && list.failures === 0,
      });
    }
  } finally {
    await hello.close();
    await milepost.close();
    await principalCache.close();
    await bench.stop();
  }
  return { rows, plan };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, plan } = await runBench({ large: process.argv.includes('--large'), explainPlan: process.argv.includes('--explain') });
  console.log(printBenchTable(rows));
  if (plan) console.log(`\nEXPLAIN ANALYZE of the list query (manager's first page of 50):\n${plan}`);
}
