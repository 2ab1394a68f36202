import { createRoute } from '@hono/zod-openapi';
import { Liveness, Readiness } from '../health';
import { json } from './define-routes';

// Probes for orchestrators and load balancers: outside /api, public, answering none of the API's errors.
const tags = ['health'];

export const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags,
  security: [],
  summary: 'Liveness: the process is running (touches neither the database nor Temporal)',
  responses: { 200: json('Alive', Liveness) },
});

export const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags,
  security: [],
  summary: 'Readiness: PostgreSQL and Temporal both answer, each checked with a deadline of a few seconds',
  description: 'Send traffic here only while it answers 200. With 503 the body names the part that is down, and `Retry-After` says when to ask again.',
  responses: {
    200: json('Ready; every part is up', Readiness),
    503: {
      ...json('Not ready; `parts` says which part is down', Readiness),
      headers: { 'Retry-After': { description: 'Seconds until asking again makes sense', schema: { type: 'integer' as const } } },
    },
  },
});
