import { getInstanceLanguage, setInstanceLanguage } from '../../db/queries/users';
import { onlyRoles } from '../auth/principal';
import { roleAbilities } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { createRouter } from '../router';
import * as routes from '../contract/routes/settings';

export function settingsRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(routes.getInstanceLanguage, async (c) => c.json({ language: await getInstanceLanguage(db) }, 200))
    .openapi({ ...routes.putInstanceLanguage, middleware: onlyRoles(roleAbilities.managePeople, 'set the instance language') }, async (c) => {
      const { language } = c.req.valid('json');
      await setInstanceLanguage(db, language);
      return c.json({ language }, 200);
    });
}
