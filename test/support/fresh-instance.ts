import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../api/auth/password';
import type { Db } from '../../db/connect';
import { createApiToken } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import { seedDefaultFlows } from '../../db/seed-default-flows';
import type { AccessRole } from '../../workflows/domain';
import type { SignInPerson } from './browser';
import { useOwnDatabases } from './own-databases';

/**
 * A database of the file's own as a first start leaves it: migrated, the default flows published
 * and bound, nobody in it yet. For tests about what a whole instance holds (an empty one), which
 * the suite's shared database cannot show. Pass `database` to `useSystem` or `useServedApp`.
 */
export function useFreshInstance(prefix: string): { database: () => Promise<Db> } {
  const databases = useOwnDatabases(prefix);
  return {
    async database() {
      const db = await databases.create();
      await seedDefaultFlows(db);
      return db;
    },
  };
}

/**
 * A person in that database who can sign in (a password) and call the API (a token). Their e-mail
 * is made of their name unless given (a Chinese name makes no address a sign-in form accepts).
 */
export async function createPersonIn(db: Db, name: string, role: AccessRole, managerId: string | null = null, email = `${name.toLowerCase().replaceAll(' ', '.')}@example.com`): Promise<SignInPerson> {
  const password = `pw-${randomUUID()}`;
  const user = await insertUser(db, { name, email, role, managerId, passwordHash: await hashPassword(password) });
  const { token } = await createApiToken(db, { userId: user.id, name: 'test', role });
  return { id: user.id, name: user.name, email: user.email, role: user.role, password, token };
}
