import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { queryClient } from '../app/queries';
import { byName } from './collate';
import { requestJson } from './request';
import { User } from '../../../api/contract/users';

export type PeopleState = { status: 'loading' } | { status: 'ready'; users: User[] } | { status: 'failed'; message: string };

const peopleKey = ['users'] as const;

/**
 * Everyone, by name in the page's language. People change rarely: one request serves every picker
 * until a write marks it stale. `ownersOfNewProject`: only those the signed-in person may create a
 * project for, as the API decides it.
 */
export function usePeople({ ownersOfNewProject = false }: { ownersOfNewProject?: boolean } = {}): PeopleState {
  // Sorted again when the language changes: zh-CN sorts names by pinyin.
  const language = useTranslation().i18n.resolvedLanguage;
  const select = useCallback((users: User[]) => byName(users), [language]);
  const query = useQuery({
    queryKey: ownersOfNewProject ? [...peopleKey, 'ownersOfNewProject'] : peopleKey,
    queryFn: ({ signal }) => requestJson(User.array(), 'GET', ownersOfNewProject ? '/api/users?ownersOfNewProject=true' : '/api/users', undefined, signal),
    select,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return useMemo(() => {
    if (query.data !== undefined) return { status: 'ready', users: query.data };
    if (query.isError && !query.isFetching) return { status: 'failed', message: errorMessage(query.error) };
    return { status: 'loading' };
  }, [query.data, query.isError, query.isFetching, query.error]);
}

/** After "Try again", or when someone was added or changed elsewhere. */
export function reloadPeople(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: peopleKey });
}

/** Names by id, for showing who owns or reported something; unknown ids show a short id. */
export function usePeopleNames(): (id: string | null | undefined) => string {
  const people = usePeople();
  return useMemo(() => {
    const names = new Map(people.status === 'ready' ? people.users.map((u) => [u.id, u.name]) : []);
    return (id) => (id ? (names.get(id) ?? `${id.slice(0, 8)}…`) : '—');
  }, [people]);
}
