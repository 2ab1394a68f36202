import { timingSafeEqual } from 'node:crypto';
import { ApiError, said } from '../errors';
import type { HttpMetrics } from '../http-metrics';
import { createRouter } from '../router';
import * as routes from '../contract/routes/metrics';

const sameSecret = (sent: string, token: string) => {
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** `/metrics` for Prometheus; with `token`, only to `Authorization: Bearer <token>`. */
export function metricsRouter(metrics: HttpMetrics, token: string | undefined) {
  return createRouter().openapi(routes.metrics, async (c) => {
    if (token !== undefined) {
      const sent = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(sent, token)) throw new ApiError(401, 'unauthenticated', said('metricsToken', { name: 'METRICS_TOKEN', header: 'Authorization: Bearer <token>' }));
    }
    return c.text(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
}
