import { routesOf, json, refusal, jsonBody, planLockedResponse } from './define-routes';
import { IdParam } from '../common';
import { DeleteGoalQuery, Goal, GoalParams, GoalPatchBody, NewGoalBody } from '../goals';

const smartRefusal = refusal('Not a SMART goal; each detail names the element (`code`) and the field');

const route = routesOf('plan');

export const listGoals = route.get('/api/projects/{id}/goals', {
  summary: "The project's goals",
  request: { params: IdParam },
  responses: { 200: json('Goals', Goal.array()) },
});

export const createGoal = route.post('/api/projects/{id}/goals', {
  summary: 'Add a SMART goal (planning only); a missing target or deadline is refused naming the SMART element',
  request: { params: IdParam, body: jsonBody(NewGoalBody) },
  responses: { 201: json('Created', Goal), 400: smartRefusal, 409: planLockedResponse },
});

export const getGoal = route.get('/api/projects/{id}/goals/{goalId}', {
  summary: 'One goal',
  request: { params: GoalParams },
  responses: { 200: json('The goal', Goal) },
});

export const updateGoal = route.patch('/api/projects/{id}/goals/{goalId}', {
  summary: 'Change a goal (planning only); the changed goal must still be SMART',
  request: { params: GoalParams, body: jsonBody(GoalPatchBody) },
  responses: { 200: json('Changed', Goal), 400: smartRefusal, 409: planLockedResponse },
});

export const deleteGoal = route.delete('/api/projects/{id}/goals/{goalId}', {
  summary: 'Remove a goal (planning only); its milestones go too only when asked (withMilestones=true)',
  request: { params: GoalParams, query: DeleteGoalQuery },
  responses: { 204: { description: 'Deleted' }, 409: refusal('Past planning, or the goal still has milestones') },
});
