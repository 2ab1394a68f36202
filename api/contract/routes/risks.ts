import { planLockedResponse } from './define-routes';
import { projectItemRoutes } from './project-items';
import { NewRiskBody, Risk, RiskParams, RiskPatchBody, RiskQuery } from '../risks';

export const riskRoutes = projectItemRoutes({
  tag: 'risks',
  path: '/api/projects/{id}/risks',
  itemPath: '/api/projects/{id}/risks/{riskId}',
  params: RiskParams,
  item: Risk,
  newBody: NewRiskBody,
  patchBody: RiskPatchBody,
  list: { summary: 'The risk register, highest score first', answer: 'Risks', body: Risk.array(), query: RiskQuery },
  create: { summary: 'Register a risk (planning only); its score is probability × impact', answer: 'Registered', responses: { 409: planLockedResponse } },
  get: { summary: 'One risk', answer: 'The risk' },
  update: { summary: 'Change a risk: its status any time, the rest in planning only', responses: { 409: planLockedResponse } },
  delete: { summary: 'Remove a risk from the register (planning only; later, close it instead)', responses: { 409: planLockedResponse } },
});
