// Benchmark: timers at volume. N live projects in execution with twelve milestones each in the
// engine; a burst of them falls due inside one minute, and every miss escalates through the
// default "milestone missed" flow, whose first step writes the escalation row. Measured: due
// time → that row's created_at, p50 and p99. Peer: pg-boss 10 delayed jobs with the same due
// times on the same PostgreSQL, whose worker writes a row — both run through the same minute.
// Run alone: npx tsx test/bench/escalation-lag.ts [--large]
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Bench, BenchRow } from './bench-table';
import { startBenchEngine } from './engine/bench-engine';
import { count, ms, progress, quantile, runAlone } from './engine/figures';
import { insertLiveProjects, seedSalesTeam, startLifecycles, waitUntilLoaded } from './engine/live-projects';
import { defaultWorkerSizing } from '../../activities/runtime/worker-sizing';

const BURST_MS = 60_000;
const PEER_QUEUE = 'milestone-due';

/**
 * The worker's cache for 10,000 live projects and a burst of 1,000: the burst's projects and the
 * flow run each miss starts (with 1,500, the runs pushed the projects still to fall due out of the
 * cache halfway through the burst). About 0.9 MB of heap each, so run with
 * NODE_OPTIONS=--max-old-space-size=6144 (and --max-semi-space-size=64 for the README's second row).
 */
const LARGE_CACHE = 2_500;

export const bench: Bench = async ({ large }) => {
  const live = large ? 10_000 : 300;
  const misses = large ? 1_000 : 100;
  const workerCache = large ? LARGE_CACHE : defaultWorkerSizing.maxCachedWorkflows;
  progress(`escalation lag: ${count(live)} live projects, ${count(misses)} misses in a minute; starting the engine…`);
  const engine = await startBenchEngine();
  const { db, client, taskQueue } = engine;
  const boss = new PgBoss({ connectionString: engine.databaseUrl, max: 4 });
  boss.on('error', (error) => progress(`pg-boss: ${error.message}`));
  try {
    // The cache holds every project a burst touches (README, "Worker sizing"): with fewer, the
    // burst's projects push each other out between the steps of their escalations, and each step
    // replays a history first.
    await engine.startWorker({ maxCachedWorkflows: workerCache });
    const reps = await seedSalesTeam(db);

    // Seeding, part one: the projects whose milestones are months away.
    const seedStarted = performance.now();
    const quiet = await insertLiveProjects(db, { count: live - misses, repIds: reps });
    const inserted = performance.now();
    await startLifecycles(client, taskQueue, quiet);
    const started = performance.now();
    await waitUntilLoaded(client, quiet);
    const loaded = performance.now();
    const perProjectMs = (loaded - seedStarted) / Math.max(1, quiet.length);
    progress(`escalation lag: ${count(quiet.length)} projects seeded in ${ms(loaded - seedStarted)} (SQL ${ms(inserted - seedStarted)}, starts ${ms(started - inserted)}, plans read ${ms(loaded - started)})`);

    // Part two: the burst projects, one milestone of each due inside one minute, evenly spread,
    // starting once they are all seeded (1.2 × the time part one took per project, and 10 s).
    const burstStart = Date.now() + Math.ceil(1.2 * perProjectMs * misses) + 10_000;
    const dueAt = (i: number) => new Date(burstStart + Math.floor((i * BURST_MS) / misses));
    const burstMilestone = 3; // the fourth: not the first nor the last of the plan
    const burst = await insertLiveProjects(db, { count: misses, repIds: reps, dueOf: (p, m) => (m === burstMilestone ? dueAt(p) : undefined) });
    await startLifecycles(client, taskQueue, burst);

    await sql`create table bench_peer_escalations (id serial primary key, due_at timestamptz not null, created_at timestamptz not null default now())`.execute(db);
    await boss.start();
    await boss.createQueue(PEER_QUEUE);
    // pg-boss polls; its lowest interval (0.5 s) is its best case for latency.
    await boss.work<{ dueAt: string }>(PEER_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 10 }, async (jobs) => {
      await db.insertInto('bench_peer_escalations' as never).values(jobs.map((job) => ({ due_at: job.data.dueAt })) as never).execute();
    });
    for (let i = 0; i < misses; i++) await boss.send(PEER_QUEUE, { dueAt: dueAt(i).toISOString() }, { startAfter: dueAt(i) });
    const seeded = performance.now();
    const late = burstStart - Date.now();
    progress(`escalation lag: all ${count(live)} seeded in ${ms(seeded - seedStarted)}; the burst starts in ${ms(late)}`);

    // Wait for every escalation and every peer row, or one more minute after the burst.
    const deadline = burstStart + BURST_MS + 60_000;
    const escalated = async () => Number((await db.selectFrom('escalations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const peerDone = async () => Number((await sql<{ n: string }>`select count(*) as n from bench_peer_escalations`.execute(db)).rows[0]?.n ?? 0);
    for (;;) {
      const [mine, theirs] = [await escalated(), await peerDone()];
      if ((mine >= misses && theirs >= misses) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }

    const lags = (
      await sql<{ lag: number }>`select extract(epoch from (e.created_at - m.due_at)) * 1000 as lag from escalations e join milestones m on m.id = e.milestone_id`.execute(db)
    ).rows.map((r) => Number(r.lag));
    const peerLags = (await sql<{ lag: number }>`select extract(epoch from (created_at - due_at)) * 1000 as lag from bench_peer_escalations`.execute(db)).rows.map((r) => Number(r.lag));
    // A miss that never escalated within the wait counts as the wait itself.
    const missing = misses - lags.length;
    const all = [...lags, ...Array.from({ length: Math.max(0, missing) }, () => Date.now() - burstStart)];
    const peerAll = [...peerLags, ...Array.from({ length: Math.max(0, misses - peerLags.length) }, () => Date.now() - burstStart)];
    const p99 = quantile(all, 0.99);
    const peerP99 = quantile(peerAll, 0.99);
    const ratio = peerP99 / p99;
    const row: BenchRow = {
      what:
        `escalation lag: due → escalation row, ${count(misses)} misses inside one minute among ${count(live)} live projects × 12 milestones ` +
        `(worker cache ${count(workerCache)}; seeded in ${ms(seeded - seedStarted)}${late < 0 ? `, ${ms(-late)} after the burst began` : ''})`,
      milepost: `p50 ${ms(quantile(all, 0.5))}, p99 ${ms(p99)}, max ${ms(Math.max(...all))}${missing > 0 ? `, ${missing} never escalated` : ''}`,
      peer: `pg-boss 10 delayed jobs, same due times, same PostgreSQL, polling every 0.5 s: p50 ${ms(quantile(peerAll, 0.5))}, p99 ${ms(peerP99)}`,
      ratio,
      target: '≥ 1.0× and Milepost p99 ≤ 1.5 s',
      met: ratio >= 1 && p99 <= 1500 && missing === 0,
    };
    return [row];
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await engine.stop();
  }
};

await runAlone(import.meta.url, bench);
