import { routesOf, json, jsonBody, planLockedResponse } from './define-routes';
import { IdParam } from '../common';
import { GoalParams } from '../goals';
import { Allocation, AllocationBody, Quotas, QuotasQuery } from '../quota';

const route = routesOf('plan');

export const getAllocation = route.get('/api/projects/{id}/goals/{goalId}/allocation', {
  summary: "How a goal's target is allocated to members and teams (weights or amounts), with the unallocated rest",
  request: { params: GoalParams },
  responses: { 200: json('The allocation; no shares when none was made', Allocation) },
});

export const putAllocation = route.put('/api/projects/{id}/goals/{goalId}/allocation', {
  summary:
    "Replace a goal's allocation (planning only): each member or team by weight or amount, cut into quarters or months like the project's own target; each member gets their own milestones",
  request: { params: GoalParams, body: jsonBody(AllocationBody) },
  responses: { 200: json('The allocation now', Allocation), 409: planLockedResponse },
});

export const getQuotas = route.get('/api/projects/{id}/quotas', {
  summary: "Every member's (a member: their own) quota by month of every allocated goal, and what they reported against it",
  request: { params: IdParam, query: QuotasQuery },
  responses: { 200: json('Quotas and attainment', Quotas) },
});
