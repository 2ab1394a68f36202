import { json, jsonBody, refusal, routesOf } from './define-routes';
import { Scorecard, ScorecardBody, ScorecardParams, ScorecardRanking, ScorecardRankingQuery } from '../scorecard';

const route = routesOf('scorecard');

export const getScorecard = route.get('/api/projects/{id}/scorecard', {
  summary: "The project's balanced scorecard: its weighted dimensions, and the keys a dimension may have",
  request: { params: ScorecardParams },
  responses: { 200: json('The scorecard', Scorecard) },
});

export const putScorecard = route.put('/api/projects/{id}/scorecard', {
  summary: 'Set the balanced scorecard: dimensions from the goals’ KPI metrics and training, weights adding up to 100 %, each with its cap',
  request: { params: ScorecardParams, body: jsonBody(ScorecardBody) },
  responses: { 200: json('Saved', Scorecard) },
});

export const deleteScorecard = route.delete('/api/projects/{id}/scorecard', {
  summary: 'Remove the scorecard: rankings go back to one metric each',
  request: { params: ScorecardParams },
  responses: { 204: { description: 'Removed' }, 404: refusal('The project has no scorecard') },
});

export const getScorecardRanking = route.get('/api/projects/{id}/scorecard/ranking', {
  summary: 'Every member ranked by the weighted score, each dimension shown, for a month or the whole project',
  request: { params: ScorecardParams, query: ScorecardRankingQuery },
  responses: { 200: json('The ranking', ScorecardRanking), 404: refusal('The project has no scorecard') },
});
