import { maxProjectPage, ProjectList, type ProjectListItem } from '../../../api/contract/projects';
import { queryString, requestJson } from '../shared/request';

/** Pickers name at most this many projects (the newest). */
export const pickerProjectLimit = 1000;

/**
 * The projects the person may see, newest first, page after page of the list until there are no
 * more or `max` are loaded: for pickers that name projects (the audit trail's filter, a flow's bindings).
 */
export async function listProjectsForPicker(max = pickerProjectLimit, signal?: AbortSignal): Promise<ProjectListItem[]> {
  const items: ProjectListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: ProjectList = await requestJson(ProjectList, 'GET', `/api/projects${queryString({ limit: Math.min(maxProjectPage, max - items.length), cursor })}`, undefined, signal);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < max);
  return items;
}
