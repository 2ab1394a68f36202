import { routesOf, json } from './define-routes';
import { IdParam } from '../common';
import { ForecastsQuery, ProjectForecasts } from '../forecasts';

const route = routesOf('forecasts');

export const getForecasts = route.get('/api/projects/{id}/forecasts', {
  summary: "Where each goal, member's allocation and milestone is heading: the forecast at its due date, paced against the plan's own decomposition, with its method, inputs and range",
  request: { params: IdParam, query: ForecastsQuery },
  responses: { 200: json("The project's forecasts", ProjectForecasts) },
});
