import { ProjectForecasts } from '../../../api/contract/forecasts';
import { requestJson } from '../shared/request';

export const forecastsKey = (projectId: string) => ['project', projectId, 'forecasts'];

/** A project's forecasts, as the API computes them now. */
export const loadForecasts = (projectId: string, signal?: AbortSignal) => requestJson(ProjectForecasts, 'GET', `/api/projects/${projectId}/forecasts`, undefined, signal);
