import { createRoute, z } from '@hono/zod-openapi';
import { refusal } from './define-routes';

// For the monitoring system, outside /api and the API's sign-in: off with METRICS=off, and behind
// METRICS_TOKEN when that is set. Not for the public internet either way.
export const metrics = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['health'],
  security: [],
  summary: 'Prometheus metrics of this API process: HTTP requests by route and status class, server errors, latency, and Node process metrics',
  description:
    'Served unless `METRICS=off`. When `METRICS_TOKEN` is set, only to `Authorization: Bearer <METRICS_TOKEN>`; otherwise to anyone who reaches it, so keep it off the public network. Worker metrics are served by each worker on `WORKER_METRICS_ADDRESS`.',
  responses: {
    200: {
      description: 'The metrics in the Prometheus text format',
      content: { 'text/plain': { schema: z.string().openapi({ example: 'http_requests_total{method="GET",route="/api/projects",status_class="2xx"} 3' }) } },
    },
    401: refusal('METRICS_TOKEN is set and the request did not send it as a bearer token'),
  },
});
