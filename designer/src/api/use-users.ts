import { useEffect, useState } from 'react';
import { api } from './client';
import type { User } from '../../../api/contract/users';

/** People change rarely while a flow is edited: one request per page load serves every picker. */
let usersPromise: Promise<User[]> | null = null;

export function loadUsers(): Promise<User[]> {
  usersPromise ??= api.listUsers().catch((error: unknown) => {
    usersPromise = null;
    throw error;
  });
  return usersPromise;
}

/** After sign-in as someone else: their list may differ. */
export function resetUsers(): void {
  usersPromise = null;
}

export type UsersState = { status: 'loading' } | { status: 'ready'; users: User[] } | { status: 'failed'; message: string };

export function useUsers(): UsersState {
  const [state, setState] = useState<UsersState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadUsers().then(
      (users) => live && setState({ status: 'ready', users }),
      (error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
