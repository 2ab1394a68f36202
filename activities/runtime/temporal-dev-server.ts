import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort } from './free-port';

export interface DevServerOptions {
  cliPath: string;
  /** SQLite file that keeps workflows across restarts; omitted = in memory. */
  dbFilename?: string | undefined;
  port?: number;
  uiPort?: number;
  /** No web UI (tests). */
  headless?: boolean;
  /** More `start-dev` flags, e.g. `--dynamic-config-value` for tests of server limits. */
  extraArgs?: readonly string[];
  log?: (line: string) => void;
}

export interface DevServerHandle {
  address: string;
  uiUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` as a child process and resolves once it answers gRPC. Ports
 * not given are taken from the OS; another process can grab one between asking and binding, so a
 * server that exits at once is started again (up to three times) on fresh ports.
 */
export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServerHandle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (!(error instanceof DevServerExitedError) || attempt >= 3) throw error;
      options.log?.(`Temporal dev server exited at start (attempt ${attempt}); trying again.`);
    }
  }
}

export class DevServerExitedError extends Error {
  override readonly name = 'DevServerExitedError';
}

async function startOnce(options: DevServerOptions): Promise<DevServerHandle> {
  const log = options.log ?? (() => {});
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--http-port', String(await freePort()),
    '--metrics-port', String(await freePort()),
    '--log-level', 'warn',
  ];
  if (options.headless) args.push('--headless');
  if (options.extraArgs) args.push(...options.extraArgs);
  if (options.dbFilename) {
    await mkdir(path.dirname(options.dbFilename), { recursive: true });
    args.push('--db-filename', options.dbFilename);
  }
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const recent: string[] = [];
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      log(line);
      recent.push(line);
      if (recent.length > 20) recent.shift();
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const address = `127.0.0.1:${port}`;
  await waitUntilServing(address, exited, () => recent.join('\n'));
  return {
    address,
    uiUrl: options.headless ? undefined : `http://127.0.0.1:${uiPort}`,
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilServing(address: string, exited: Promise<number | null>, output: () => string, timeoutMs = 60_000): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new DevServerExitedError(`Temporal dev server exited (code ${exitCode}) before it served ${address}:\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Temporal dev server did not answer on ${address} within ${timeoutMs} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}
