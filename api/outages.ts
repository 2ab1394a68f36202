import { isGrpcServiceError } from '@temporalio/client';

/** The parts Milepost cannot answer without; each answers `503` naming itself while it is down. */
export type Dependency = 'database' | 'temporal';

/** How long a client should wait before trying again while a part is down (the `Retry-After` of every 503). */
export const retryAfterSeconds = 5;

/**
 * The one answer for "this part is down right now" (errors.ts makes it a 503). `engine_unavailable`
 * is the code the API has always given when the workflow engine cannot be reached.
 */
export const outageAnswers: Record<Dependency, { code: string; message: 'databaseUnavailable' | 'engineUnavailable'; what: string }> = {
  database: { code: 'database_unavailable', message: 'databaseUnavailable', what: 'the database' },
  temporal: { code: 'engine_unavailable', message: 'engineUnavailable', what: 'the workflow engine (Temporal)' },
};

/**
 * Which part an error says is down, or undefined when it is some other error. Only connection
 * failures count: a query the database refuses or a workflow that rejects an update is not an
 * outage.
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  if (isTemporalOutage(error)) return 'temporal';
  if (isDatabaseOutage(error)) return 'database';
  return undefined;
}

// gRPC status codes (grpc.status): the server could not be reached, or did not answer in time.
const grpcUnavailable = 14;
const grpcDeadlineExceeded = 4;

/** A Temporal call that failed to reach the server: the gRPC error itself or any error it caused (ServiceError, update timeouts…). */
function isTemporalOutage(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (isGrpcServiceError(cause) && (cause.code === grpcUnavailable || cause.code === grpcDeadlineExceeded)) return true;
  }
  return false;
}

/** Socket errors of a connection that could not be opened or was cut. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * What pg says when the server is gone: a socket error, SQLSTATE class 08 (connection exception)
 * or 57P01–57P03 (shut down, crashed, starting up), a pool connect timeout, or a client whose
 * connection ended under it.
 */
const lostConnectionMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && (socketCodes.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code))) return true;
  // Node reports a refused "localhost" (tried over IPv6 and IPv4) as one AggregateError of both.
  if (error instanceof AggregateError && error.errors.some(isDatabaseOutage)) return true;
  return lostConnectionMessages.some((message) => error.message.startsWith(message));
}
