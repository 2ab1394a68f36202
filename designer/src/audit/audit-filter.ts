import { z } from 'zod';
import { queryString } from '../shared/request';
import { i18next } from '../i18n/i18n';

/**
 * What the audit trail page is narrowed to, as it lives in the address (`/audit?person=…&project=…
 * &from=…&to=…`) so a filtered view can be shared and survives a reload. Empty strings mean "any";
 * `from` and `to` are instants with their time zone (ISO 8601), as the API takes them.
 */
export interface AuditFilter {
  userId: string;
  projectId: string;
  from: string;
  to: string;
}

export const anyChange: AuditFilter = { userId: '', projectId: '', from: '', to: '' };

/** The address's names for each filter. */
const keys = { userId: 'person', projectId: 'project', from: 'from', to: 'to' } as const satisfies Record<keyof AuditFilter, string>;

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });

/** What the address says; a value the API would refuse (a mangled link) counts as not given. */
export function auditFilterFrom(params: URLSearchParams): AuditFilter {
  const id = (key: string) => {
    const value = params.get(key) ?? '';
    return uuid.safeParse(value).success ? value : '';
  };
  const at = (key: string) => {
    const value = params.get(key) ?? '';
    return instant.safeParse(value).success ? value : '';
  };
  return { userId: id(keys.userId), projectId: id(keys.projectId), from: at(keys.from), to: at(keys.to) };
}

/** The address for a filter: `current` with the filter's keys set, or removed when empty. */
export function auditFilterParams(filter: AuditFilter, current: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const field of Object.keys(keys) as (keyof AuditFilter)[]) {
    const value = filter[field];
    if (value) next.set(keys[field], value);
    else next.delete(keys[field]);
  }
  return next;
}

export const isFiltered = (filter: AuditFilter): boolean => Object.values(filter).some((value) => value !== '');

/** Why the filter cannot be asked for (the API would refuse it too), or null. */
export function auditFilterProblem(filter: AuditFilter): string | null {
  if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to)) return i18next.t('audit:filters.toAfterFrom');
  return null;
}

/** The API request for one page of the filtered trail, older than `before` when given. */
export function auditRequestPath(filter: AuditFilter, limit: number, before?: number): string {
  return `/api/audit${queryString({ projectId: filter.projectId, userId: filter.userId, from: filter.from, to: filter.to, limit, before })}`;
}

/** Tells one filter from another (for caching and for dropping pages of another filter). */
export const auditFilterKey = (filter: AuditFilter): string => JSON.stringify([filter.userId, filter.projectId, filter.from, filter.to]);
