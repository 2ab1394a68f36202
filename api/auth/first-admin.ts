import { z } from 'zod';
import { asActor } from '../../db/actor';
import type { Db } from '../../db/connect';
import { deleteSessionsOfUser } from '../../db/queries/auth';
import { countActiveAdmins, findUserByEmail, insertUser, lockUserAdministration, updateUser } from '../../db/queries/users';
import type { User } from '../../db/schema';
import { Password } from '../contract/users';
import { hashPassword } from './password';

export interface AdminInput {
  email: string;
  /** For a new person; someone who exists keeps their name unless one is given. */
  name?: string | undefined;
  password: string;
}

/** created: a new person; promoted: someone who was not an active admin now is; updated: an admin's password was reset. */
export type AdminChange = { action: 'created' | 'promoted' | 'updated'; user: User };

const AdminInputSchema = z.object({
  email: z.email({ message: 'must be an e-mail address' }).max(320).toLowerCase(),
  name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  password: Password,
});

/** Checks an admin's details before anything starts; the error names each problem. */
export function parseAdminInput(input: AdminInput): AdminInput {
  const parsed = AdminInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Cannot set up the admin: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  return parsed.data;
}

async function upsertAdmin(trx: Db, input: AdminInput, passwordHash: string): Promise<AdminChange> {
  const existing = await findUserByEmail(trx, input.email);
  if (!existing) {
    const user = await insertUser(trx, { name: input.name ?? 'Administrator', email: input.email, role: 'admin', passwordHash: passwordHash });
    return { action: 'created', user };
  }
  const user = await updateUser(trx, existing.id, { role: 'admin', active: true, passwordHash: passwordHash, ...(input.name === undefined ? {} : { name: input.name }) });
  // A new password ends what the old one opened.
  await deleteSessionsOfUser(trx, existing.id);
  return { action: existing.role === 'admin' && existing.active ? 'updated' : 'promoted', user };
}

/**
 * Makes `email` an active admin with this password: creates the person, or promotes (and
 * reactivates) whoever has that e-mail. What `npm run create-admin` does.
 */
export async function createOrPromoteAdmin(db: Db, input: AdminInput): Promise<AdminChange> {
  const admin = parseAdminInput(input);
  const passwordHash = await hashPassword(admin.password);
  return asActor({ kind: 'system', detail: 'create-admin' }, () =>
    db.transaction().execute(async (trx) => {
      await lockUserAdministration(trx);
      return upsertAdmin(trx, admin, passwordHash);
    }),
  );
}

export type FirstAdminOutcome =
  | { action: 'none'; reason: string; /** Nobody can administer yet. */ adminMissing: boolean }
  | { action: AdminChange['action']; email: string; userId: string };

/**
 * At start: when nobody is an active admin and `MILEPOST_ADMIN_EMAIL` + `MILEPOST_ADMIN_PASSWORD`
 * (and optionally `MILEPOST_ADMIN_NAME`) are set, makes that person the admin. There is no
 * default password: without these variables nothing happens, and the outcome says what to do.
 * Returns what it did, for the caller to log.
 */
export async function ensureFirstAdmin(db: Db, env: Record<string, string | undefined>): Promise<FirstAdminOutcome> {
  const email = env.MILEPOST_ADMIN_EMAIL?.trim() || undefined;
  const password = env.MILEPOST_ADMIN_PASSWORD || undefined;
  const name = env.MILEPOST_ADMIN_NAME?.trim() || undefined;
  const configured = email !== undefined || password !== undefined;
  const adminExists: FirstAdminOutcome = {
    action: 'none',
    adminMissing: false,
    reason: configured ? 'an active admin exists already, so MILEPOST_ADMIN_* are ignored (remove the password from the environment)' : 'an active admin exists',
  };

  if ((await countActiveAdmins(db)) > 0) return adminExists;
  if (!configured) {
    return { action: 'none', adminMissing: true, reason: 'there is no active admin yet: set MILEPOST_ADMIN_EMAIL and MILEPOST_ADMIN_PASSWORD, or run `npm run create-admin -- --email <e-mail>`' };
  }
  if (email === undefined || password === undefined) {
    throw new Error(`There is no active admin and only ${email === undefined ? 'MILEPOST_ADMIN_PASSWORD' : 'MILEPOST_ADMIN_EMAIL'} is set; set both MILEPOST_ADMIN_EMAIL and MILEPOST_ADMIN_PASSWORD.`);
  }
  const admin = parseAdminInput({ email, name, password });
  const passwordHash = await hashPassword(admin.password);
  return asActor({ kind: 'system', detail: 'first-admin' }, () =>
    db.transaction().execute(async (trx): Promise<FirstAdminOutcome> => {
      await lockUserAdministration(trx);
      // Another process starting at the same moment may have made its admin meanwhile.
      if ((await countActiveAdmins(trx)) > 0) return adminExists;
      const change = await upsertAdmin(trx, admin, passwordHash);
      return { action: change.action, email: change.user.email, userId: change.user.id };
    }),
  );
}
