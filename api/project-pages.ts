import type { Client } from '@temporalio/client';
import type { Context } from 'hono';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/connect';
import { listEscalations } from '../db/queries/escalations';
import { findProjectPeople, type ProjectPeople } from '../db/queries/project-access';
import { findProjectPage } from '../db/queries/project-lifecycles';
import { findProjectReadVersions } from '../db/queries/project-read-versions';
import { listMilestones } from '../db/queries/projects';
import type { ProjectState } from './access/project-actions';
import type { ProjectDetail } from './contract/projects';
import { askedTogether } from './asked-together';
import { escalationDto, projectDto } from './dto';
import { preSerialized } from './pre-serialized';
import { askLifecycle } from './lifecycle';
import { basicsDto } from './project-basics';

/** What `GET /api/projects/{id}` shows alike to every reader, and the people who decide each reader's access to it. */
export interface ProjectPage {
  body: Omit<ProjectDetail, 'access' | 'can'>;
  /** `body` as JSON, written once for every reader. */
  json: string;
  state: ProjectState;
  people: ProjectPeople;
}

export interface ProjectPages {
  /** The project's page as the database holds it at this moment; undefined when there is no such project. */
  read(projectId: string): Promise<ProjectPage | undefined>;
}

/** How many project pages an API process keeps by default (`API_PROJECT_PAGES`): about 10 KB each. */
export const defaultCachedProjectPages = 2_000;

/**
 * Project pages, kept in this process and served again while the database says they are current.
 *
 * Every read asks PostgreSQL one indexed question: the project's read counter and the org
 * chart's (db/migrations/20261210T0000-project-read-versions.ts), which grow at the commit of every
 * change to what the page shows or to who manages whom, whoever writes it (a route of any replica,
 * a workflow's activity, a migration, a person at psql). A page kept under the same counters is
 * the page the database would give now, so it is served as is; otherwise it is read again (four
 * statements at once) and kept. The counters are read before the page, so a page is never kept
 * under counters newer than itself: a change committed in between only makes the next read load
 * it again. Reads share that question: one statement is in flight at a time, and the reads that
 * arrive meanwhile are asked together in the next (askedTogether), sent after each of them
 * arrived, so none can miss a change committed before it. A project whose lifecycle has no row
 * yet (started before the projection existed) asks its workflow each time and is never kept.
 */
export function projectPages(db: Db, client: Client, { max = defaultCachedProjectPages }: { max?: number } = {}): ProjectPages {
  const kept = new LRUCache<string, { version: string; page: ProjectPage }>({ max });
  const versions = askedTogether<string, string | undefined>(async (ids) => {
    const byId = await findProjectReadVersions(db, ids);
    return ids.map((id) => byId.get(id));
  });
  return {
    async read(projectId) {
      const version = await versions.load(projectId);
      const cached = version === undefined ? undefined : kept.get(projectId);
      if (cached && cached.version === version) return cached.page;
      const loaded = await loadPage(db, client, projectId);
      if (loaded?.projected && version !== undefined) kept.set(projectId, { version, page: loaded.page });
      else kept.delete(projectId);
      return loaded?.page;
    },
  };
}

async function loadPage(db: Db, client: Client, projectId: string): Promise<{ page: ProjectPage; projected: boolean } | undefined> {
  const [people, found, milestones, escalations] = await Promise.all([
    findProjectPeople(db, projectId),
    findProjectPage(db, projectId),
    listMilestones(db, projectId),
    listEscalations(db, projectId),
  ]);
  if (!people || !found) return undefined;
  const { project, reviewStatus } = found;
  const lifecycle = found.lifecycle ?? (await askLifecycle(client, projectId));
  const body = { ...projectDto(project, milestones), basics: basicsDto(project), lifecycle, escalations: escalations.map(escalationDto) };
  return {
    page: {
      body,
      json: JSON.stringify(body),
      state: { phase: project.phase, reviewStatus },
      people,
    },
    projected: found.lifecycle !== undefined,
  };
}

/**
 * The page as one reader gets it, typed as `c.json` would type it: the shared body as written to
 * JSON once, with the reader's own access and actions added at its end.
 */
export function pageResponse(c: Context, page: ProjectPage, mine: Pick<ProjectDetail, 'access' | 'can'>) {
  return preSerialized<ProjectDetail>(c, `${page.json.slice(0, -1)},"access":${JSON.stringify(mine.access)},"can":${JSON.stringify(mine.can)}}`);
}
