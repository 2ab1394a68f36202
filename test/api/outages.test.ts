import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { unavailableDependency } from '../../api/outages';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** What @grpc/grpc-js rejects a call with. */
const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

describe('which part an error says is down', () => {
  it('names the database for refused, cut and timed-out connections and for a server shutting down', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('connection failure', '08006'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
    ]) {
      expect(unavailableDependency(error), error.message).toBe('database');
    }
  });

  it('names Temporal for an unreachable or silent server, however the client wrapped it', () => {
    expect(unavailableDependency(grpcError(14, 'No connection established'))).toBe('temporal');
    expect(unavailableDependency(new ServiceError('Failed to start Workflow', { cause: grpcError(14, 'No connection established') }))).toBe('temporal');
    expect(unavailableDependency(new WorkflowUpdateRPCTimeoutOrCancelledError('Timeout waiting for update', { cause: grpcError(4, 'Deadline exceeded') }))).toBe('temporal');
  });

  it('names nothing for errors that are no outage: refused values, conflicts, a workflow that said no', () => {
    expect(unavailableDependency(withCode('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(unavailableDependency(withCode('value too long', '22001'))).toBeUndefined();
    expect(unavailableDependency(grpcError(6, 'Workflow execution already started'))).toBeUndefined();
    expect(unavailableDependency(new Error('Something else'))).toBeUndefined();
    expect(unavailableDependency('not even an error')).toBeUndefined();
  });
});
