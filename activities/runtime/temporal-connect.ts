import { Connection, isGrpcServiceError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { GaveUpWaiting, withBackoff, type BackoffOptions } from './backoff';
import type { TemporalAccess } from './temporal-settings';

export class TemporalConnectionError extends Error {
  override readonly name = 'TemporalConnectionError';
}

// gRPC status codes that waiting does not cure: wrong credentials, or a namespace that is not there.
const permanentGrpcCodes = new Set([5 /* NOT_FOUND */, 7 /* PERMISSION_DENIED */, 16 /* UNAUTHENTICATED */]);

function isPermanent(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (isGrpcServiceError(cause) && cause.code !== undefined && permanentGrpcCodes.has(cause.code)) return true;
  }
  return false;
}

type Wait = Pick<BackoffOptions, 'limitMs' | 'log'>;

/** Each try may take a third of the limit (1 to 5 s), so that a short limit still sees more than one. */
async function reach<T>(address: string, access: TemporalAccess, wait: Wait, connect: (connectTimeoutMs: number) => Promise<T>): Promise<T> {
  try {
    return await withBackoff(`Temporal at ${address}`, () => connect(Math.max(1_000, Math.min(5_000, wait.limitMs / 3))), { ...wait, isPermanent });
  } catch (error) {
    if (!(error instanceof GaveUpWaiting)) throw error;
    throw new TemporalConnectionError(
      `Could not connect to Temporal at ${address} (tried ${access.described}); ${error.message}. ` +
        'Check TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the TLS settings (TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_TLS_SERVER_NAME) or TEMPORAL_API_KEY.',
      { cause: error.cause },
    );
  }
}

/** The client's connection (the API, schedules), once Temporal answers and knows the namespace. */
export function connectTemporalClient(address: string, access: TemporalAccess, wait: Wait): Promise<Connection> {
  return reach(address, access, wait, async (connectTimeoutMs) => {
    const connection = await Connection.connect({ address, tls: access.tls, apiKey: access.apiKey, connectTimeout: connectTimeoutMs });
    try {
      await connection.withDeadline(Date.now() + connectTimeoutMs, () => connection.workflowService.describeNamespace({ namespace: access.namespace }));
      return connection;
    } catch (error) {
      await connection.close();
      throw error;
    }
  });
}

/** The worker's connection (the SDK's native one), with the same address and credentials. */
export function connectTemporalWorker(address: string, access: TemporalAccess, wait: Wait): Promise<NativeConnection> {
  return reach(address, access, wait, () => NativeConnection.connect({ address, tls: access.tls, apiKey: access.apiKey }));
}
