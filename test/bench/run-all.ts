// `npm run bench` (`-- --large` for the 10,000-project figures): every benchmark module that
// exports `bench: Bench` runs one after another, and their rows print as one Markdown table.
// Each module may also run on its own (`npx tsx test/bench/<name>.ts`).
import { readFile } from 'node:fs/promises';
import type { Bench, BenchRow } from './bench-table';
import { printBenchTable } from './bench-table';

/**
 * In the order they run. Every module exports `export const bench: Bench` (a default export is
 * taken too). request-auth, project-list and project-read are being converted to `Bench` in
 * other branches: until they are merged, the runner says so and goes on.
 */
const modules = [
  './request-auth.ts', // authenticated read vs hello-world Hono
  './project-read.ts', // one project vs hello-world Hono (to come)
  './project-list.ts', // the list vs hello-world Hono
  './project-starts.ts',
  './escalation-lag.ts',
  './worker-memory.ts',
  './worker-scaling.ts', // 2 worker processes vs 1 on one task queue
];

function benchOf(loaded: Record<string, unknown>): Bench | undefined {
  const candidate = loaded.bench ?? loaded.default;
  return typeof candidate === 'function' ? (candidate as Bench) : undefined;
}

const large = process.argv.includes('--large');
const rows: BenchRow[] = [];
const skipped: string[] = [];
const started = performance.now();
for (const path of modules) {
  // Read before importing: a module not converted yet is a script that would run at import.
  const source = await readFile(new URL(path, import.meta.url), 'utf8').catch(() => null);
  if (source === null || !/export (const bench\b|default\b)/.test(source)) {
    skipped.push(`${path} (${source === null ? 'not there yet' : 'exports no `bench` yet'})`);
    console.log(`skipped ${path}: ${source === null ? 'no such module yet' : 'it exports no `bench` yet'}`);
    continue;
  }
  const bench = benchOf((await import(path)) as Record<string, unknown>);
  if (!bench) throw new Error(`${path} exports a \`bench\` that is not a function.`);
  const t0 = performance.now();
  console.log(`running ${path}${large ? ' (large)' : ''}…`);
  rows.push(...(await bench({ large })));
  console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`\n${printBenchTable(rows)}\n`);
if (skipped.length > 0) console.log(`Not run: ${skipped.join('; ')}.`);
console.log(`All benchmarks: ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
