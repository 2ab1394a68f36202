import type { z } from '@hono/zod-openapi';
import { loadProjectForecasts, type SubjectForecast as DomainSubjectForecast } from '../../db/queries/forecasts';
import type { Forecast as DomainForecast } from '../../workflows/domain/sales-plan/forecast';
import type { Forecast, SubjectForecast } from '../contract/forecasts';
import { requireProjectAccess } from '../access/project-access';
import { seesTeam } from '../access/sees-team';
import type { AppDeps } from '../deps';
import { requireProject } from '../plan-guard';
import { createRouter } from '../router';
import * as routes from '../contract/routes/forecasts';

/**
 * What somebody who does not see the team (api/access/sees-team) reads of the forecasts: their own
 * allocations and the milestones held for them — what the sales plan page shows a rep — and no
 * goal's or anyone else's.
 */
export const ownForecasts = <S extends Pick<DomainSubjectForecast, 'kind' | 'holder'>>(subjects: readonly S[], userId: string): S[] =>
  subjects.filter((s) => s.kind !== 'goal' && s.holder?.userId === userId);

export function forecastsRouter({ db }: AppDeps) {
  return createRouter().openapi(routes.getForecasts, async (c) => {
    const { id } = c.req.valid('param');
    const principal = c.get('principal');
    const team = seesTeam(principal, await requireProjectAccess(db, principal, id, 'read'));
    const project = await requireProject(db, id);
    const asOf = c.req.valid('query').at ? new Date(c.req.valid('query').at!) : new Date();
    const subjects = await loadProjectForecasts(db, project, asOf);
    return c.json({ projectId: project.id, asOf: asOf.toISOString(), subjects: team ? subjects : ownForecasts(subjects, principal.userId) }, 200);
  });
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when the contract and the domain's forecast drift apart. */
export type ContractIsTheDomainForecast = Assert<Same<z.infer<typeof Forecast>, DomainForecast>>;
/** The same for a subject, whose dates both sides write as ISO text. */
export type ContractIsTheSubjectForecast = Assert<Same<z.infer<typeof SubjectForecast>, DomainSubjectForecast>>;
