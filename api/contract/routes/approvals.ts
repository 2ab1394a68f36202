import { routesOf, json, jsonBody, refusal } from './define-routes';
import { IdParam } from '../common';
import { ApprovalRequest, ApprovalsQuery, DecisionBody, DelegateCandidate, FlowRunState } from '../approvals';

const conflict = refusal('Already decided, or refused by the flow');

const route = routesOf('approvals');

export const getApproval = route.get('/api/approvals/{id}', {
  summary: 'One approval or acknowledgement request (its approver, a delegate of it, or the project’s readers)',
  request: { params: IdParam },
  responses: { 200: json('The request', ApprovalRequest) },
});

export const decideApproval = route.post('/api/approvals/{id}/decision', {
  summary: 'Approve, reject, acknowledge or delegate, as the person the request is assigned to (a delegate may answer through the original request)',
  request: { params: IdParam, body: jsonBody(DecisionBody) },
  responses: { 200: json('Decided: the request the decision landed on', ApprovalRequest), 409: conflict },
});

export const listDelegateCandidates = route.get('/api/approvals/{id}/delegates', {
  summary: 'Who may take the request over: active people who decide with their role and may read its project (only for the person it is assigned to)',
  request: { params: IdParam },
  responses: { 200: json('The people, by name', DelegateCandidate.array()) },
});

export const listUserApprovals = route.get('/api/users/{id}/approvals', {
  summary: 'Requests assigned to a person, newest first (the person themself, or an admin)',
  request: { params: IdParam, query: ApprovalsQuery },
  responses: { 200: json('Requests', ApprovalRequest.array()) },
});

export const getFlowRun = route.get('/api/flow-runs/{id}', {
  tags: ['flows'],
  summary: 'A flow run and its live state (readers of its project)',
  request: { params: IdParam },
  responses: { 200: json('The run', FlowRunState) },
});

export const listFlowRunApprovals = route.get('/api/flow-runs/{id}/approvals', {
  tags: ['flows'],
  summary: 'Every request a flow run opened, oldest first (readers of its project)',
  request: { params: IdParam },
  responses: { 200: json('Requests', ApprovalRequest.array()) },
});
