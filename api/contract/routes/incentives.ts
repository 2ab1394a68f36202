import { routesOf, json, jsonBody } from './define-routes';
import { IdParam } from '../common';
import { Incentives, IncentiveRules, IncentiveRulesBody, IncentivesQuery, Payout, Settlement } from '../incentives';
import { z } from '@hono/zod-openapi';

const route = routesOf('incentives');

export const getIncentives = route.get('/api/projects/{id}/incentives', {
  summary: "Earnings so far and at the forecast as of a date: a member's own, or the whole team's with the incentive budget line for its managers",
  request: { params: IdParam, query: IncentivesQuery },
  responses: { 200: json('The earnings', Incentives) },
});

export const putIncentiveRules = route.put('/api/projects/{id}/incentives/rules', {
  summary: 'Set the incentive rules: commission tiers (no gap, no overlap), cap, bonuses, recognitions; 400 names the faulty field',
  request: { params: IdParam, body: jsonBody(IncentiveRulesBody) },
  responses: { 200: json('The rules', IncentiveRules) },
});

export const listIncentivePayouts = route.get('/api/projects/{id}/incentives/payouts', {
  summary: "Payouts earned so far and what their flows decided: a member's own, or everyone's for the project's managers",
  request: { params: IdParam },
  responses: { 200: json('The payouts', z.array(Payout)) },
});

export const settleIncentives = route.post('/api/projects/{id}/incentives/settle', {
  summary: 'Raise the payouts earned by now that KPI reports have not raised yet (after a milestone check, or once the period is over for rank bonuses)',
  request: { params: IdParam },
  responses: { 200: json('The payouts raised now (none when nothing new was earned)', Settlement) },
});
