import { simulationResultSchema, type SimulationRequest, type SimulationResult } from '../../../../workflows/flow/simulation';
import { queryString, requestJson } from '../../shared/request';
import { FlowHeat, FlowRunSummary, FlowRunTrace, RunningByVersion } from '../../../../api/contract/flow-runs';
import { ProjectDetail, type ProjectListItem } from '../../../../api/contract/projects';
import { listProjectsForPicker } from '../../projects/all-projects';

export interface RunFilter {
  readonly version?: number | undefined;
  readonly projectId?: string | undefined;
  readonly status?: string | undefined;
  readonly trigger?: string | undefined;
  readonly limit?: number | undefined;
  /** Only runs that started before this moment: the next page. */
  readonly before?: string | undefined;
}

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const runsApi = {
  listRuns: (flowId: string, filter: RunFilter): Promise<FlowRunSummary[]> =>
    requestJson(FlowRunSummary.array(), 'GET', `${flowPath(flowId)}/runs${queryString({ ...filter })}`),
  trace: (runId: string): Promise<FlowRunTrace> => requestJson(FlowRunTrace, 'GET', `/api/flow-runs/${encodeURIComponent(runId)}/trace`),
  heat: (flowId: string, version: number, last: number): Promise<FlowHeat> =>
    requestJson(FlowHeat, 'GET', `${flowPath(flowId)}/versions/${version}/heat${queryString({ last })}`),
  /** For each published version, how many runs are still running on it. */
  running: (flowId: string): Promise<RunningByVersion[]> => requestJson(RunningByVersion.array(), 'GET', `${flowPath(flowId)}/running`),
  projects: (): Promise<ProjectListItem[]> => listProjectsForPicker(),
  project: (id: string): Promise<ProjectDetail> => requestJson(ProjectDetail, 'GET', `/api/projects/${encodeURIComponent(id)}`),
  /** A test run: nothing is written or sent; the answer is what would have happened, in order. */
  simulate: (flowId: string, request: SimulationRequest): Promise<SimulationResult> => requestJson(simulationResultSchema, 'POST', `${flowPath(flowId)}/simulate`, request),
};
