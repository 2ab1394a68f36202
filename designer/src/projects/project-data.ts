import { isNotFound, requestJson } from '../shared/request';
import { Dashboard } from '../../../api/contract/dashboard';
import { ChangeRequest } from '../../../api/contract/lifecycle';
import { ProjectDetail } from '../../../api/contract/projects';
import { Retrospective } from '../../../api/contract/retrospectives';
import type { ProjectForecasts } from '../../../api/contract/forecasts';
import { loadForecasts } from '../forecast/forecasts-api';

export interface ProjectPageData {
  project: ProjectDetail;
  dashboard: Dashboard;
  changeRequests: ChangeRequest[];
  /** Null until the project reaches its closing review. */
  retrospective: Retrospective | null;
  /** Where each goal is heading, drawn on its chart. */
  forecasts: ProjectForecasts;
}

export async function loadProjectPage(id: string): Promise<ProjectPageData> {
  const [project, dashboard, changeRequests, retrospective, forecasts] = await Promise.all([
    requestJson(ProjectDetail, 'GET', `/api/projects/${id}`),
    requestJson(Dashboard, 'GET', `/api/projects/${id}/dashboard`),
    requestJson(ChangeRequest.array(), 'GET', `/api/projects/${id}/change-requests`),
    requestJson(Retrospective, 'GET', `/api/projects/${id}/retrospective`).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    }),
    loadForecasts(id),
  ]);
  return { project, dashboard, changeRequests, retrospective, forecasts };
}
