import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from '../bench-table';
import { printBenchTable } from '../bench-table';

/** The value at quantile `q` (0–1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
export const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Runs `work` over `items` with at most `concurrency` at once; resolves with the results in order. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/** `npx tsx test/bench/<file>.ts [--large]`: the module runs alone and prints its rows as the table. */
export async function runAlone(moduleUrl: string, bench: Bench): Promise<void> {
  if (!process.argv[1] || pathToFileURL(path.resolve(process.argv[1])).href !== moduleUrl) return;
  console.log(printBenchTable(await bench({ large: process.argv.includes('--large') })));
}

/** A progress line on stderr, so the table on stdout stays clean. */
export const progress = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
