// Runs before vitest (see `npm test`): slow one-time preparation stays out of the tests' timing.
// Builds the Temporal CLI with `go install` when no binary is found, and the web page bundle.
import { execFileSync } from 'node:child_process';
import { findTemporalCli } from '../activities/runtime/temporal-cli';

const cli = await findTemporalCli({
  explicitPath: process.env.TEMPORAL_CLI_PATH,
  log: (line) => console.log(`[prepare] ${line}`),
});
console.log(`[prepare] Temporal CLI: ${cli}`);
execFileSync('npx', ['vite', 'build', 'designer', '--logLevel', 'warn'], { stdio: 'inherit' });
console.log('[prepare] web page built');
