import { isGrpcServiceError, type Client } from '@temporalio/client';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { fallbackLogger, type Logger } from '../activities/runtime/logger';
import type { DependencyName, DependencyState, Readiness } from './contract/health';
import { outageAnswers } from './outages';

/** How long each part may take to answer a readiness check. */
export const readinessDeadlineMs = 3_000;

class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A reason in words that names no address or credential, since the route is public. */
function reasonOf(error: unknown): string {
  if (error instanceof NoAnswer) return error.message;
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (isGrpcServiceError(cause)) return cause.code === 4 ? `no answer within ${readinessDeadlineMs / 1000} s` : cause.code === 14 ? 'not reachable' : `gRPC status ${cause.code}`;
    if ('code' in cause && cause.code === 'ECONNREFUSED') return 'connection refused';
    if ('code' in cause && typeof cause.code === 'string') return `error ${cause.code}`;
    if (cause instanceof AggregateError) return reasonOf(cause.errors[0]);
  }
  return 'unexpected error (logged)';
}

async function check(part: DependencyName, probe: () => Promise<unknown>, log: Logger): Promise<DependencyState> {
  try {
    await within(readinessDeadlineMs, probe());
    return { state: 'up', reason: null };
  } catch (error) {
    const reason = reasonOf(error);
    if (reason.startsWith('unexpected')) log.warn({ part, err: error }, `readiness: the ${part} check failed`);
    return { state: 'down', reason };
  }
}

/** Asks PostgreSQL and Temporal, side by side, whether they answer now. */
export async function readiness({ db, client, log = fallbackLogger }: { db: Db; client: Client; log?: Logger | undefined }): Promise<Readiness> {
  const [database, temporal] = await Promise.all([
    check('database', () => sql`select 1`.execute(db), log),
    // The deadline also stops the client's own retries of an unreachable server.
    check('temporal', () => client.withDeadline(Date.now() + readinessDeadlineMs, () => client.workflowService.getSystemInfo({})), log),
  ]);
  const parts = { database, temporal };
  const down = (Object.keys(parts) as DependencyName[]).filter((name) => parts[name].state === 'down');
  const message =
    down.length === 0
      ? 'Ready: the database and the workflow engine (Temporal) answer.'
      : `Not ready: ${down.map((name) => `${outageAnswers[name].what} is not reachable (${parts[name].reason})`).join('; ')}.`;
  return { ready: down.length === 0, message, parts };
}
