import { routesOf, json, refusal, jsonBody, planLockedResponse } from './define-routes';
import { IdParam } from '../common';
import { projectItemRoutes } from './project-items';
import { AppliedDecomposition, ApplyDecompositionBody, DecompositionBody, DecompositionPreview, MembersBody, MilestoneParams, MilestonePatchBody, NewPlanMilestoneBody, PlanMilestone, ProjectMember } from '../plan';

const route = routesOf('plan');

export const milestoneRoutes = projectItemRoutes({
  tag: 'plan',
  path: '/api/projects/{id}/milestones',
  itemPath: '/api/projects/{id}/milestones/{milestoneId}',
  params: MilestoneParams,
  item: PlanMilestone,
  newBody: NewPlanMilestoneBody,
  patchBody: MilestonePatchBody,
  list: { summary: "The project's milestones, by due time", answer: 'Milestones', body: PlanMilestone.array() },
  create: {
    summary: 'Add a milestone (planning only): owner, team, due time, target, warning offset and threshold',
    answer: 'Created',
    responses: { 409: planLockedResponse },
  },
  get: { summary: 'One milestone', answer: 'The milestone' },
  update: { summary: 'Change a milestone (planning only; in execution, request a change instead)', responses: { 409: planLockedResponse } },
  delete: { summary: 'Remove a milestone (planning only)', responses: { 409: planLockedResponse } },
});

export const previewDecomposition = route.post('/api/projects/{id}/decomposition/preview', {
  summary: "Split a goal's target into quarters or months (evenly or by weights) without saving anything",
  request: { params: IdParam, body: jsonBody(DecompositionBody) },
  responses: { 200: json('The parts; they always sum to the target', DecompositionPreview) },
});

export const applyDecomposition = route.post('/api/projects/{id}/decomposition/apply', {
  summary: 'Split a goal’s target and create one milestone per part with its cumulative target (planning only)',
  request: { params: IdParam, body: jsonBody(ApplyDecompositionBody) },
  responses: {
    201: json('The milestones created', AppliedDecomposition),
    409: refusal('Past planning, or the goal already has milestones (pass replace: true)'),
  },
});

export const listMembers = route.get('/api/projects/{id}/members', {
  summary: 'Who works on the project, and as what',
  request: { params: IdParam },
  responses: { 200: json('Members', ProjectMember.array()) },
});

export const replaceMembers = route.put('/api/projects/{id}/members', {
  summary: "Replace the project's members (owner, member or viewer each)",
  request: { params: IdParam, body: jsonBody(MembersBody) },
  responses: { 200: json('The members now', ProjectMember.array()) },
});
