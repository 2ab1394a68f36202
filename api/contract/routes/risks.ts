import { routesOf, json, jsonBody, planLockedResponse } from './define-routes';
import { IdParam } from '../common';
import { NewRiskBody, Risk, RiskParams, RiskPatchBody, RiskQuery } from '../risks';

const route = routesOf('risks');

export const listRisks = route.get('/api/projects/{id}/risks', {
  summary: 'The risk register, highest score first',
  request: { params: IdParam, query: RiskQuery },
  responses: { 200: json('Risks', Risk.array()) },
});

export const createRisk = route.post('/api/projects/{id}/risks', {
  summary: 'Register a risk (planning only); its score is probability × impact',
  request: { params: IdParam, body: jsonBody(NewRiskBody) },
  responses: { 201: json('Registered', Risk), 409: planLockedResponse },
});

export const getRisk = route.get('/api/projects/{id}/risks/{riskId}', {
  summary: 'One risk',
  request: { params: RiskParams },
  responses: { 200: json('The risk', Risk) },
});

export const updateRisk = route.patch('/api/projects/{id}/risks/{riskId}', {
  summary: 'Change a risk: its status any time, the rest in planning only',
  request: { params: RiskParams, body: jsonBody(RiskPatchBody) },
  responses: { 200: json('Changed', Risk), 409: planLockedResponse },
});

export const deleteRisk = route.delete('/api/projects/{id}/risks/{riskId}', {
  summary: 'Remove a risk from the register (planning only; later, close it instead)',
  request: { params: RiskParams },
  responses: { 204: { description: 'Deleted' }, 409: planLockedResponse },
});
