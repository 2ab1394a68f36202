import type { z } from '@hono/zod-openapi';
import { loadProjectForecasts, type SubjectForecast as DomainSubjectForecast } from '../../db/queries/forecasts';
import type { Forecast as DomainForecast } from '../../workflows/domain/sales-plan/forecast';
import type { Forecast, SubjectForecast } from '../contract/forecasts';
import { requireProjectAccess } from '../access/project-access';
import type { AppDeps } from '../deps';
import { requireProject } from '../plan-guard';
import { createRouter } from '../router';
import * as routes from '../contract/routes/forecasts';

export function forecastsRouter({ db }: AppDeps) {
  return createRouter().openapi(routes.getForecasts, async (c) => {
    const { id } = c.req.valid('param');
    await requireProjectAccess(db, c.get('principal'), id, 'read');
    const project = await requireProject(db, id);
    const asOf = c.req.valid('query').at ? new Date(c.req.valid('query').at!) : new Date();
    return c.json({ projectId: project.id, asOf: asOf.toISOString(), subjects: await loadProjectForecasts(db, project, asOf) }, 200);
  });
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when the contract and the domain's forecast drift apart. */
export type ContractIsTheDomainForecast = Assert<Same<z.infer<typeof Forecast>, DomainForecast>>;
/** The same for a subject, whose dates both sides write as ISO text. */
export type ContractIsTheSubjectForecast = Assert<Same<z.infer<typeof SubjectForecast>, DomainSubjectForecast>>;
