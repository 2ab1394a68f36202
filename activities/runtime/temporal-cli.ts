import { execFile, spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The newest CLI tag that `go install module@version` accepts (v1.6.0+ carries a go.mod `replace`). */
export const TEMPORAL_CLI_VERSION = '1.5.1';
const TEMPORAL_CLI_MODULE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

export class TemporalCliNotFoundError extends Error {
  override readonly name = 'TemporalCliNotFoundError';
  constructor(searched: string[]) {
    super(
      [
        'No Temporal CLI found, and Go is not installed to build one.',
        `Looked in: ${searched.join(', ')}.`,
        'Fix it in one of these ways:',
        '  - set TEMPORAL_CLI_PATH to a `temporal` binary;',
        `  - install Go (https://go.dev/dl) and run: go install -ldflags "-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}" ${TEMPORAL_CLI_MODULE}`,
        '  - or set TEMPORAL_ADDRESS to use an existing Temporal cluster instead of a dev server.',
      ].join('\n'),
    );
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && (await isExecutable(path.join(dir, name)))) return path.join(dir, name);
  }
  return undefined;
}

async function goBinDir(): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('go', ['env', 'GOBIN', 'GOPATH']);
    const [gobin, gopath] = stdout.split('\n').map((line) => line.trim());
    if (gobin) return gobin;
    if (gopath) return path.join(gopath.split(path.delimiter)[0]!, 'bin');
  } catch {
    // Go is not installed.
  }
  return undefined;
}

export interface FindTemporalCliOptions {
  /** Explicit binary (TEMPORAL_CLI_PATH); wins over every other place. */
  explicitPath?: string | undefined;
  /** Build the pinned version with `go install` when nothing is found. */
  buildIfMissing?: boolean;
  log?: (line: string) => void;
}

/**
 * Finds the Temporal CLI in this order: TEMPORAL_CLI_PATH, `temporal` on PATH, Go's bin
 * directory; otherwise builds the pinned version with `go install` once (nothing is downloaded
 * as a prebuilt binary, so this works with only the Go module proxy reachable).
 */
export async function findTemporalCli(options: FindTemporalCliOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const searched: string[] = [];
  if (options.explicitPath) {
    if (await isExecutable(options.explicitPath)) return options.explicitPath;
    throw new Error(`TEMPORAL_CLI_PATH=${options.explicitPath} is not an executable file.`);
  }
  searched.push('TEMPORAL_CLI_PATH (unset)', 'PATH');
  const fromPath = await onPath('temporal');
  if (fromPath) return fromPath;
  const binDir = await goBinDir();
  if (binDir) {
    const candidate = path.join(binDir, 'temporal');
    searched.push(binDir);
    if (await isExecutable(candidate)) return candidate;
    if (options.buildIfMissing ?? true) {
      log(`Building Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (once; takes a few minutes)…`);
      await runGoInstall(log);
      if (await isExecutable(candidate)) return candidate;
      throw new Error(`go install finished but ${candidate} is missing.`);
    }
  }
  throw new TemporalCliNotFoundError(searched);
}

function runGoInstall(log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'go',
      ['install', '-ldflags', `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`, TEMPORAL_CLI_MODULE],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output: string[] = [];
    const collect = (chunk: Buffer) => output.push(chunk.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        log('Temporal CLI built.');
        resolve();
      } else {
        reject(new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${code}):\n${output.join('').slice(-4000)}`));
      }
    });
  });
}
