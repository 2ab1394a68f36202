import type { Db } from '../../db/connect';
import { randomSecret } from '../../db/queries/auth';
import { createOrPromoteAdmin, ensureFirstAdmin } from './first-admin';

export const localAdminEmail = 'admin@milepost.local';

/**
 * Makes sure somebody can administer Milepost when it starts: the admin named by
 * MILEPOST_ADMIN_EMAIL/MILEPOST_ADMIN_PASSWORD; else, on the embedded database only (one machine,
 * one person trying it out), a local admin with a one-time random password printed once, the way
 * Jenkins hands out its first password. Nothing ships with a password. With DATABASE_URL and no
 * admin, it only says how to make one.
 */
export async function ensureAdmin(db: Db, { embedded, say, env = process.env }: { embedded: boolean; say: (line: string) => void; env?: Record<string, string | undefined> }) {
  const outcome = await ensureFirstAdmin(db, env);
  if (outcome.action !== 'none') {
    say(`admin ${outcome.email}: ${outcome.action} from MILEPOST_ADMIN_EMAIL`);
    return;
  }
  if (!outcome.adminMissing) return;
  if (!embedded) {
    say(`WARNING: ${outcome.reason}`);
    return;
  }
  const password = randomSecret(15);
  await createOrPromoteAdmin(db, { email: localAdminEmail, name: 'Admin', password });
  say('──────────────────────────────────────────────────────────────────────');
  say(`No admin yet, so one was made for this machine. Sign in as ${localAdminEmail}`);
  say(`with the one-time password ${password}`);
  say('and change it on the Account page. It is not shown again (reset it with npm run create-admin).');
  say('──────────────────────────────────────────────────────────────────────');
}
