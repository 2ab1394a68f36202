import type { AppDeps } from '../deps';
import { retryAfterSeconds } from '../outages';
import { readiness } from '../readiness';
import { createRouter } from '../router';
import * as routes from '../contract/routes/health';

/** `/healthz` and `/readyz`, public, for whatever starts, restarts and balances the processes. */
export function healthRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(routes.healthz, (c) => c.json({ alive: true as const }, 200))
    .openapi(routes.readyz, async (c) => {
      const answer = await readiness({ db, client: temporal.client, log: c.get('log') });
      if (answer.ready) return c.json(answer, 200);
      c.header('Retry-After', String(retryAfterSeconds));
      return c.json(answer, 503);
    });
}
