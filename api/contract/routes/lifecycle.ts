import { routesOf, json, jsonBody, optionalJsonBody, refusal } from './define-routes';
import { IdParam } from '../common';
import { ChangeRequest, ChangeRequestBody, CloseProjectBody, PlanSubmitted, SubmitPlanBody } from '../lifecycle';

const conflict = refusal('Not possible in the project’s current phase');

const route = routesOf('lifecycle');

export const submitPlan = route.post('/api/projects/{id}/submit', {
  summary: 'Submit the plan for approval, as yourself (planning only); the "plan submitted" flow decides',
  request: { params: IdParam, body: optionalJsonBody(SubmitPlanBody) },
  responses: { 202: json('Submitted; approval runs', PlanSubmitted), 409: conflict },
});

export const closeProject = route.post('/api/projects/{id}/close', {
  summary: 'Close a project early (won, lost, cancelled): it goes straight to the closing review',
  request: { params: IdParam, body: jsonBody(CloseProjectBody) },
  responses: { 200: json('Closed', CloseProjectBody), 409: conflict },
});

export const listChangeRequests = route.get('/api/projects/{id}/change-requests', {
  summary: 'The project’s change requests, oldest first, with their decisions',
  request: { params: IdParam },
  responses: { 200: json('Change requests', ChangeRequest.array()) },
});

export const previewChange = route.post('/api/projects/{id}/change-requests/preview', {
  summary: 'Which pending checks a change would move, and to when (writes nothing)',
  request: { params: IdParam, body: jsonBody(ChangeRequestBody) },
  responses: { 200: json('The moves', ChangeRequest.shape.moves) },
});

export const requestChange = route.post('/api/projects/{id}/change-requests', {
  summary: 'Request a target or date change during execution, as yourself; its approval flow decides',
  request: { params: IdParam, body: jsonBody(ChangeRequestBody) },
  responses: { 201: json('Requested', ChangeRequest), 409: conflict },
});
