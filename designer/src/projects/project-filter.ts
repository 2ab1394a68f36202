import type { RagStatus } from '../../../workflows/domain/attainment';
import type { LifecyclePhase } from '../shared/phases';
import type { ProjectListItem } from '../../../api/contract/projects';

/** What the project list is narrowed to; empty strings mean "any". */
export interface ProjectFilter {
  phase: LifecyclePhase | '';
  ownerId: string;
  status: RagStatus | '';
  q: string;
}

export const anyProject: ProjectFilter = { phase: '', ownerId: '', status: '', q: '' };

const needle = (q: string): string => q.trim().toLowerCase();

/** The API's own rules (name contains the text, case-insensitively), so the page can apply them at once. */
export function matchesFilter(item: ProjectListItem, filter: ProjectFilter): boolean {
  if (filter.phase && item.phase !== filter.phase) return false;
  if (filter.ownerId && item.ownerId !== filter.ownerId) return false;
  if (filter.status && item.status !== filter.status) return false;
  const text = needle(filter.q);
  return text === '' || item.name.toLowerCase().includes(text);
}

/**
 * Whether every project matching `narrower` is among those matching `wider`: then a complete
 * answer for `wider` answers `narrower` too, filtered in the page, with no request.
 */
export function covers(wider: ProjectFilter, narrower: ProjectFilter): boolean {
  return (
    (wider.phase === '' || wider.phase === narrower.phase) &&
    (wider.ownerId === '' || wider.ownerId === narrower.ownerId) &&
    (wider.status === '' || wider.status === narrower.status) &&
    needle(narrower.q).includes(needle(wider.q))
  );
}

export const filterKey = (filter: ProjectFilter): string => JSON.stringify([filter.phase, filter.ownerId, filter.status, needle(filter.q)]);
