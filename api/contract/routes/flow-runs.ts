import { routesOf, json } from './define-routes';
import { IdParam } from '../common';
import { VersionParams } from '../flows';
import { FlowHeat, FlowRunSummary, FlowRunTrace, FlowRunsQuery, HeatQuery, RunningByVersion } from '../flow-runs';

const route = routesOf('flows');

export const getFlowRunTrace = route.get('/api/flow-runs/{id}/trace', {
  summary: 'What a run did on its version’s graph: path with times, edges taken, where it waits and for whom, decisions per step (readers of its project)',
  description:
    'While the run is running the path comes from the workflow itself (live); once it finished, from what was kept with the run. Runs finished before paths were kept are asked live too, as long as the engine still has them.',
  request: { params: IdParam },
  responses: { 200: json('The trace', FlowRunTrace) },
});

export const listFlowRuns = route.get('/api/flows/{id}/runs', {
  summary: 'A flow’s runs, newest first; only those of projects you may read (ops and admins: all)',
  request: { params: IdParam, query: FlowRunsQuery },
  responses: { 200: json('Runs', FlowRunSummary.array()) },
});

export const getVersionHeat = route.get('/api/flows/{id}/versions/{version}/heat', {
  summary: 'Over a version’s last N finished runs (of projects you may read): how many took each edge, and the median time in each step',
  request: { params: VersionParams, query: HeatQuery },
  responses: { 200: json('The heat', FlowHeat) },
});

export const getRunningByVersion = route.get('/api/flows/{id}/running', {
  summary: 'For each published version, oldest first, how many runs (of projects you may read) are still running on it',
  request: { params: IdParam },
  responses: { 200: json('One entry per published version', RunningByVersion.array()) },
});
