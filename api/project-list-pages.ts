import { LRUCache } from 'lru-cache';
import type { Db } from '../db/connect';
import { findProjectListChanges } from '../db/queries/project-list-changes';
import {
  projectListRow,
  readProjectListPage,
  type ProjectListFilter,
  type ProjectListPosition,
  type ProjectListQueryRow,
} from '../db/queries/project-list';
import { askedTogether } from './asked-together';
import { encodeCursor } from './contract/list-cursor';
import type { ProjectList } from './contract/projects';

export interface ProjectListPages {
  /** One page of the list as the database holds it at this moment, with its figures at `now`, as the JSON the route answers. */
  list(filter: ProjectListFilter, now: Date): Promise<string>;
}

/** How many list pages an API process keeps by default (`API_PROJECT_LIST_PAGES`): 50 rows are about 25 KB. */
export const defaultCachedListPages = 500;

interface KeptPage {
  /** The changes seen when it was read: it is served only while no other change has been seen since. */
  generation: number;
  rows: ProjectListQueryRow[];
  next: ProjectListPosition | undefined;
  /** Until when its rows stay as read (a KPI report dated later starts to count then). */
  until: number;
  /** The answer with its figures worked out in one second (epoch seconds), for the reads within that second. */
  shown?: { second: number; json: string };
}

/** The route's answer: the rows with their figures at `at`. */
function answer(rows: readonly ProjectListQueryRow[], next: ProjectListPosition | undefined, at: Date): string {
  const body: ProjectList = { items: rows.map((row) => projectListRow(row, at)), nextCursor: next ? encodeCursor(next) : null };
  return JSON.stringify(body);
}

/**
 * Pages of the project list, kept in this process and served again while nothing they show has
 * changed, whoever changed it.
 *
 * Every read asks PostgreSQL one question, shared by the reads that arrive together (askedTogether):
 * has a transaction this process had not seen committed a change to any project's rows, its goals or
 * KPI reports, the org chart or anyone's name (db/queries/project-list-changes.ts)? If so, every
 * kept page is dropped at once. A page is kept under the changes seen by the question asked before
 * it was read, so a change committed in between only makes the next read load it again. The figures
 * that move with time (how far along a goal should be by now, so its status) are worked out from the
 * kept rows again in every second a page is read (a year's goal moves by a millionth of its target in
 * a second), and a page whose projects have a KPI report dated later is read again from that moment.
 * Pages chosen by status (`status=red`) are chosen at the moment of reading and are never kept.
 * Under constant writes the pages are dropped at nearly every read, and a read costs what reading
 * without keeping costs, plus the question.
 */
export function projectListPages(db: Db, { max = defaultCachedListPages }: { max?: number } = {}): ProjectListPages {
  const kept = new LRUCache<string, KeptPage>({ max });
  let seen: { snapshot: string; org: string } | undefined;
  let generation = 0;
  const changes = askedTogether<'any change', number>(async (keys) => {
    const found = await findProjectListChanges(db, seen?.snapshot);
    if (found.changed || found.org !== seen?.org) {
      generation += 1;
      kept.clear();
      seen = { snapshot: found.snapshot, org: found.org };
    }
    return keys.map(() => generation);
  });
  return {
    async list(filter, now) {
      if (filter.status) {
        const { rows, next } = await readProjectListPage(db, filter, now);
        return answer(rows, next, now);
      }
      const current = await changes.load('any change');
      // The whole filter (the reader, every filter, the page size and where the page starts): a field added to it is part of the key.
      const key = JSON.stringify(filter);
      let page = kept.get(key);
      if (!page || page.generation !== current || now.getTime() >= page.until) {
        page = { generation: current, ...(await readProjectListPage(db, filter, now)) };
        // Not kept when another change was seen while it was read: it may be older than that change.
        if (current === generation) kept.set(key, page);
      }
      const second = Math.floor(now.getTime() / 1000);
      if (page.shown?.second !== second) page.shown = { second, json: answer(page.rows, page.next, now) };
      return page.shown.json;
    },
  };
}
