import { inject } from 'vitest';
import { createDb, type Db } from '../../db/connect';
import { createApiToken } from '../../db/queries/auth';
import type { AccessRole } from '../../workflows/domain';

/** How a test request says who sends it: an API token of that person's. */
export interface Identity {
  token: string;
}

/**
 * The pool that mints tokens belongs to the process, which runs many test files one after another
 * (test/vitest.config.ts): no file closes it. Its connections close after ten idle seconds.
 */
let db: Db | undefined;

/**
 * An API token for a person, minted straight in the database: tests act as many people, and
 * signing each in through the API would test sign-in a hundred times over (it has tests of its own).
 */
export async function tokenFor(userId: string, role: AccessRole): Promise<Identity> {
  db ??= createDb(inject('databaseUrl'), { max: 2 });
  const { token } = await createApiToken(db, { userId, name: 'test', role });
  return { token };
}

/** The suite's admin, created by the global setup; requests without `as` are sent as this person. */
export const admin = (): Identity & { id: string } => ({ token: inject('adminToken'), id: inject('adminUserId') });
