import { countProjects, listSampleRows } from '../../db/queries/sample-company';
import { onlyRoles } from '../auth/principal';
import { roleAbilities } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { createRouter } from '../router';
import * as routes from '../contract/routes/sample-company';
import { loadSampleCompany } from '../sample-company/load-sample-company';
import { requestLanguage } from '../request-language';
import { removeSampleCompany } from '../sample-company/remove-sample-company';
import { wordsOfSamplePerson } from '../sample-company/sample-words';
import { findUser } from '../../db/queries/users';

const loadBudgetMs = 90_000;

export function sampleCompanyRouter({ db, temporal }: AppDeps) {
  const allowed = roleAbilities.loadSampleCompany;
  return createRouter()
    .openapi({ ...routes.sampleCompanyStatus, middleware: onlyRoles(allowed, 'see the sample company') }, async (c) => {
      const [rows, projects] = await Promise.all([listSampleRows(db), countProjects(db)]);
      const person = rows.users[0] === undefined ? undefined : await findUser(db, rows.users[0]);
      const words = person && wordsOfSamplePerson(person.name);
      const marks = words ? { person: words.personMark, project: words.projectMark } : null;
      return c.json({ loaded: rows.users.length + rows.projects.length > 0, instanceEmpty: projects === 0, people: rows.users.length, projects: rows.projects.length, marks }, 200);
    })
    .openapi({ ...routes.loadSampleCompany, middleware: onlyRoles(allowed, 'load the sample company') }, async (c) =>
      // Starts, submits and approves plans, waiting for the flow to ask: more than one request's usual Temporal budget.
      c.json(await temporal.client.withDeadline(Date.now() + loadBudgetMs, () => loadSampleCompany(db, temporal, c.get('principal').userId, requestLanguage(c))), 201),
    )
    .openapi({ ...routes.removeSampleCompany, middleware: onlyRoles(allowed, 'remove the sample company') }, async (c) => c.json(await removeSampleCompany(db, temporal), 200));
}
