import { changeRequestSchema, dashboardSchema, projectDetailSchema, retrospectiveSchema, type ChangeRequest, type Dashboard, type ProjectDetail, type Retrospective } from '../shared/api-schemas';
import { isNotFound, requestJson } from '../shared/request';

export interface ProjectPageData {
  project: ProjectDetail;
  dashboard: Dashboard;
  changeRequests: ChangeRequest[];
  /** Null until the project reaches its closing review. */
  retrospective: Retrospective | null;
}

export async function loadProjectPage(id: string): Promise<ProjectPageData> {
  const [project, dashboard, changeRequests, retrospective] = await Promise.all([
    requestJson(projectDetailSchema, 'GET', `/api/projects/${id}`),
    requestJson(dashboardSchema, 'GET', `/api/projects/${id}/dashboard`),
    requestJson(changeRequestSchema.array(), 'GET', `/api/projects/${id}/change-requests`),
    requestJson(retrospectiveSchema, 'GET', `/api/projects/${id}/retrospective`).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    }),
  ]);
  return { project, dashboard, changeRequests, retrospective };
}
