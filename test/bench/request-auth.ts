// Benchmark: what knowing who asks costs. Run: npx tsx test/bench/request-auth.ts — prints figures, asserts nothing.
//
// Every /api request looks its token or session up (one indexed query) and tells PostgreSQL the
// actor for the audit trail (one set_config per connection and actor change). Signing in hashes
// with argon2id on purpose (slow to guess). Figures: in-process requests (app.request, no network)
// against an embedded PostgreSQL, medians of many runs, and their ratio to a bare database round trip.
import { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { createApp } from '../../api/app';
import { createOrPromoteAdmin } from '../../api/auth/first-admin';
import { createApiToken } from '../../db/queries/auth';
import { startBenchDatabase } from './bench-database';

const RUNS = 300;
const LOGINS = 10;

async function median(runs: number, once: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const bench = await startBenchDatabase();
const { db } = bench;
try {
  const credentials = { email: 'admin@bench.test', password: 'bench password one' };
  const { user } = await createOrPromoteAdmin(db, { ...credentials, name: 'Bench Admin' });
  const { token } = await createApiToken(db, { userId: user.id, name: 'bench', role: 'admin' });
  const app = createApp({ db, temporal: { client: new Client(), taskQueue: 'bench' } });
  const expectOk = async (response: Response | Promise<Response>) => {
    const r = await response;
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    return r;
  };

  const login = await expectOk(app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) }));
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  const roundTrip = await median(RUNS, () => sql`select 1`.execute(db));
  const byToken = await median(RUNS, () => expectOk(app.request('/api/auth/session', { headers: { authorization: `Bearer ${token}` } })));
  const bySession = await median(RUNS, () => expectOk(app.request('/api/auth/session', { headers: { cookie } })));
  const anonymous = await median(RUNS, async () => app.request('/api/auth/session'));
  const signIn = await median(LOGINS, () =>
    expectOk(app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) })),
  );

  const line = (what: string, ms: number) => console.log(`  ${what.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms  ${(ms / roundTrip).toFixed(1).padStart(6)}× a round trip`);
  console.log(`who is asking, medians of ${RUNS} requests (${LOGINS} sign-ins):`);
  line('bare database round trip (select 1)', roundTrip);
  line('GET /api/auth/session, nobody (401)', anonymous);
  line('GET /api/auth/session with an API token', byToken);
  line('GET /api/auth/session with a session cookie', bySession);
  line('POST /api/auth/login (argon2id verify)', signIn);
  console.log(`  a signed-in request costs ${(byToken - anonymous).toFixed(2)} ms more than a refused one; budget for a page is 1000 ms: ratio ${(byToken / 1000).toFixed(4)}`);
} finally {
  await bench.stop();
}
