// Benchmark: the web app's project list with 1,000 projects, in Debian's Chromium.
// `npx tsx test/bench/project-list-render.ts` (after `npx vite build designer`). Prints figures; asserts nothing.
//
// Figures: from navigation to the first page (the newest 50) on screen (and how much of it is the
// API's answer), then each filter — name search, phase, owner, status, and back to all — from the
// change to the list showing the right rows (the first 50 of them). Each against the 1-second budget.
// The harness (and with it the API) comes first: zod schemas made before @hono/zod-openapi is
// loaded lack its `.openapi()`, which the API's schemas call.
import { startDesignerHarness } from './designer-harness';
import { sql } from 'kysely';
import { chromium, type Page } from 'playwright-core';

const PROJECTS = 1000;
/** The page shows the newest 50 projects first (designer/src/projects/use-project-list.ts). */
const PAGE = 50;
const shownOf = (matching: number) => Math.min(matching, PAGE);
const OWNERS = 10;
const REPORTS_PER_PROJECT = 12;
const LOADS = 5;
const FILTER_RUNS = 5;
const BUDGET_MS = 1000;
const chromiumOptions = { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] };
const phases = ['planning', 'execution', 'monitoring'] as const;

interface ListItem {
  id: string;
  name: string;
  phase: string;
  ownerId: string;
  status: string | null;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
const ratio = (value: number) => `${(value / BUDGET_MS).toFixed(3)} of the 1 s budget`;

// Page-side code is passed as text: tsx would wrap named functions in a helper the page does not have.
const rowCount = `document.querySelectorAll('[data-testid="project-row"]').length`;

/** Changes a filter control the way typing or choosing does, and times it until `expected` rows show. */
async function timeFilter(page: Page, testId: string, value: string, expected: number): Promise<number> {
  const script = `(async () => {
    const control = document.querySelector('[data-testid="${testId}"]');
    const proto = control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    const setValue = Object.getOwnPropertyDescriptor(proto, 'value').set;
    const t0 = performance.now();
    setValue.call(control, ${JSON.stringify(value)});
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => (${rowCount} === ${expected} ? resolve(undefined) : requestAnimationFrame(check));
      check();
    });
    // One more frame: the rows are in the document; this waits until they are painted.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    return performance.now() - t0;
  })()`;
  const elapsed: unknown = await page.evaluate(script);
  return typeof elapsed === 'number' ? elapsed : Number.NaN;
}

const harness = await startDesignerHarness();
const browser = await chromium.launch(chromiumOptions);
try {
  const { db, url } = harness;
  const owners = await db
    .insertInto('users')
    .values(Array.from({ length: OWNERS }, (_, i) => ({ name: `Owner ${i}`, email: `owner${i}@bench.test` })))
    .returning('id')
    .execute();
  const start = new Date(Date.now() - 180 * 86_400_000);
  const end = new Date(Date.now() + 185 * 86_400_000);
  const projects = await db
    .insertInto('sales_projects')
    .values(
      Array.from({ length: PROJECTS }, (_, i) => ({
        name: `Project ${i}`,
        ownerId: owners[i % OWNERS]!.id,
        periodStart: start,
        periodEnd: end,
        phase: phases[i % phases.length]!,
      })),
    )
    .returning(['id', 'ownerId'])
    .execute();
  await db.insertInto('goals').values(projects.map((p) => ({ projectId: p.id, metric: 'revenue' as const, unit: 'CNY', target: 1_000_000, periodStart: start, periodEnd: end }))).execute();
  const reports = projects.flatMap((p, i) =>
    Array.from({ length: REPORTS_PER_PROJECT }, (_, j) => ({
      projectId: p.id,
      metric: 'revenue',
      // Spread attainment so every RAG status occurs.
      value: ((i * 37) % 100) * 1000 + j * 100,
      reportedAt: new Date(start.getTime() + j * 14 * 86_400_000),
      reporterId: p.ownerId,
    })),
  );
  for (let i = 0; i < reports.length; i += 5000) await db.insertInto('kpi_reports').values(reports.slice(i, i + 5000)).execute();
  await sql`analyze`.execute(db);

  // What each filter should leave, from the API itself.
  const all = { items: [] as ListItem[] };
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page = (await (await fetch(`${url}/api/projects?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`, { headers: harness.apiHeaders })).json()) as { items: ListItem[]; nextCursor: string | null };
    all.items.push(...page.items);
    cursor = page.nextCursor;
  }
  const ownerId = owners[3]!.id;
  const count = (keep: (item: ListItem) => boolean) => all.items.filter(keep).length;
  const statuses = ['green', 'amber', 'red'].map((status) => ({ status, n: count((item) => item.status === status) }));
  // The status held by the most projects short of all of them, so the filter changes something.
  const status = statuses.filter((s) => s.n < PROJECTS).reduce((best, s) => (s.n > best.n ? s : best), { status: 'red', n: -1 });

  const loads: { total: number; api: number; render: number }[] = [];
  for (let run = 0; run < LOADS; run++) {
    const context = await harness.signedInContext(browser, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/projects`, { waitUntil: 'commit' });
    await page.waitForFunction(`${rowCount} === ${PAGE}`, undefined, { polling: 'raf', timeout: 30_000 });
    const figures: unknown = await page.evaluate(`(() => {
      const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/projects?'));
      return { total: performance.now(), apiStart: api ? api.startTime : 0, apiEnd: api ? api.responseEnd : 0 };
    })()`);
    const { total, apiStart, apiEnd } = figures as { total: number; apiStart: number; apiEnd: number };
    loads.push({ total, api: apiEnd - apiStart, render: total - apiEnd });
    await context.close();
  }

  const context = await harness.signedInContext(browser, { viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/projects`);
  await page.waitForFunction(`${rowCount} === ${PAGE}`, undefined, { polling: 'raf', timeout: 30_000 });
  const filters = [
    { what: 'search "Project 7" (111 rows)', control: 'project-search', value: 'Project 7', expected: 111, reset: '' },
    { what: 'search "Project 12" (11 rows)', control: 'project-search', value: 'Project 12', expected: 11, reset: '' },
    { what: `phase execution (${count((i) => i.phase === 'execution')} rows)`, control: 'filter-phase', value: 'execution', expected: count((i) => i.phase === 'execution'), reset: '' },
    { what: `owner (${count((i) => i.ownerId === ownerId)} rows)`, control: 'filter-owner', value: ownerId, expected: count((i) => i.ownerId === ownerId), reset: '' },
    { what: `status ${status.status} (${status.n} rows)`, control: 'filter-status', value: status.status, expected: status.n, reset: '' },
  ];
  const filterTimes = new Map<string, { narrow: number[]; back: number[] }>();
  for (let run = 0; run < FILTER_RUNS; run++) {
    for (const filter of filters) {
      const times = filterTimes.get(filter.what) ?? { narrow: [], back: [] };
      times.narrow.push(await timeFilter(page, filter.control, filter.value, shownOf(filter.expected)));
      times.back.push(await timeFilter(page, filter.control, filter.reset, PAGE));
      filterTimes.set(filter.what, times);
    }
  }
  const apiCalls: unknown = await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/projects?')).length`);
  await context.close();

  console.log(`project list in Chromium: ${PROJECTS} projects, ${OWNERS} owners, ${reports.length} KPI reports (median of ${LOADS} loads, ${FILTER_RUNS} runs per filter)`);
  const load = { total: median(loads.map((l) => l.total)), api: median(loads.map((l) => l.api)), render: median(loads.map((l) => l.render)) };
  console.log(`  first render, navigation → 50 rows    ${ms(load.total)}  ${ratio(load.total)}`);
  console.log(`    of which the API answer             ${ms(load.api)}`);
  console.log(`    of which rendering after it         ${ms(load.render)}`);
  for (const [what, times] of filterTimes) {
    const narrow = median(times.narrow);
    const back = median(times.back);
    console.log(`  filter ${what.padEnd(32)} ${ms(narrow)}  ${ratio(narrow)}; back to all ${ms(back)}  ${ratio(back)}`);
  }
  console.log(`  status counts: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
  console.log(`  requests to /api/projects while filtering: ${Number(apiCalls) - 1} (the list is loaded a page at a time, so filters ask the API)`);
} finally {
  await browser.close();
  await harness.stop();
}
