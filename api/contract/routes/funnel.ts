import { routesOf, json, jsonBody } from './define-routes';
import { IdParam } from '../common';
import { Funnel, FunnelBody } from '../funnel';

const route = routesOf('funnel');

export const getFunnel = route.get('/api/projects/{id}/funnel', {
  summary: "The funnel behind the revenue goal: per stage the volume it needs, per month, against the counts reported, and where conversion falls short",
  request: { params: IdParam },
  responses: { 200: json('The funnel', Funnel) },
});

export const setFunnel = route.put('/api/projects/{id}/funnel', {
  summary: "Set the project's funnel stages (top first, each with its conversion rate) and the average deal",
  request: { params: IdParam, body: jsonBody(FunnelBody) },
  responses: { 200: json('The funnel as set', Funnel) },
});
