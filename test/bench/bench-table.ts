/**
 * One row of `npm run bench`'s table: a Milepost figure beside its peer's, measured in the same
 * script on the same machine, and the target the issue sets for their ratio.
 */
export interface BenchRow {
  /** What was measured, e.g. "authenticated trivial read, 10 connections". */
  what: string;
  /** Milepost's figure with its unit, e.g. "5,120 req/s, p99 4.1 ms". */
  milepost: string;
  /** The peer and its figure, e.g. "hello-world Hono: 14,900 req/s". */
  peer: string;
  /** Milepost ÷ peer for throughputs, peer ÷ Milepost for latencies: higher is better. */
  ratio: number;
  /** The target in words, e.g. "≥ 0.3×". */
  target: string;
  met: boolean;
}

/** A benchmark module `npm run bench` runs: `large` is set by `--large` (the 10,000-project figures). */
export type Bench = (options: { large: boolean }) => Promise<BenchRow[]>;

export function printBenchTable(rows: BenchRow[]): string {
  const header = '| what | Milepost | peer in the same run | ratio | target | met |\n|---|---|---|---|---|---|';
  const lines = rows.map((r) => `| ${r.what} | ${r.milepost} | ${r.peer} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.met ? 'yes' : 'no'} |`);
  return [header, ...lines].join('\n');
}
