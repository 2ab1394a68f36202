import type { Client } from '@temporalio/client';
import type { MiddlewareHandler } from 'hono';

/**
 * How long one request may spend waiting on Temporal in all. An unreachable server is retried by
 * the client for about 15 s and a stalled one is waited on forever; past this the call fails and
 * the request answers 503 (errors.ts). A route that needs longer sets its own `client.withDeadline`.
 */
export const temporalRequestBudgetMs = 10_000;

/** Runs the rest of the request under one Temporal deadline, which every client call inside it obeys. */
export function temporalDeadline(client: Client, budgetMs = temporalRequestBudgetMs): MiddlewareHandler {
  return (_c, next) => client.withDeadline(Date.now() + budgetMs, next);
}
