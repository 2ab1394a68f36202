import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../api/app';
import type { AccessRole } from '../../workflows/domain';
import { call } from './http';
import { tokenFor, type Identity } from './identities';

export interface Person extends Identity {
  id: string;
  name: string;
  email: string;
  role: AccessRole;
}

/** A person of this test's own (created by the suite's admin), with a token to act as them. */
export async function createUser(app: App, name: string, managerId: string | null = null, role: AccessRole = 'member'): Promise<Person> {
  const res = await call(app, 'POST', '/api/users', { name, email: `${name.toLowerCase().replaceAll(' ', '.')}-${randomUUID()}@example.com`, managerId, role });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, ...(await tokenFor(res.body.id, role)) };
}
