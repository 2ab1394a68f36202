import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { errorMessage } from '../api/client';
import { requestJson } from './request';
import { User } from '../../../api/contract/users';

export type PeopleState = { status: 'loading' } | { status: 'ready'; users: User[] } | { status: 'failed'; message: string };

// One request serves every picker on the page; `reloadPeople` after someone is added.
let state: PeopleState = { status: 'loading' };
let started = false;
const listeners = new Set<() => void>();

function set(next: PeopleState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function reloadPeople(): void {
  started = true;
  requestJson(User.array(), 'GET', '/api/users').then(
    (users) => set({ status: 'ready', users: [...users].sort((a, b) => a.name.localeCompare(b.name)) }),
    (error: unknown) => set({ status: 'failed', message: errorMessage(error) }),
  );
}

/** After sign-in as someone else (or sign-out): the next page that needs people loads them afresh. */
export function resetPeople(): void {
  started = false;
  state = { status: 'loading' };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePeople(): PeopleState {
  const value = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!started) reloadPeople();
  }, []);
  return value;
}

/** Names by id, for showing who owns or reported something; unknown ids show a short id. */
export function usePeopleNames(): (id: string | null | undefined) => string {
  const people = usePeople();
  return useMemo(() => {
    const names = new Map(people.status === 'ready' ? people.users.map((u) => [u.id, u.name]) : []);
    return (id) => (id ? (names.get(id) ?? `${id.slice(0, 8)}…`) : '—');
  }, [people]);
}
