import { refusal, planLockedResponse } from './define-routes';
import { projectItemRoutes } from './project-items';
import { DeleteGoalQuery, Goal, GoalParams, GoalPatchBody, NewGoalBody } from '../goals';

const smartRefusal = refusal('Not a SMART goal; each detail names the element (`code`) and the field');

export const goalRoutes = projectItemRoutes({
  tag: 'plan',
  path: '/api/projects/{id}/goals',
  itemPath: '/api/projects/{id}/goals/{goalId}',
  params: GoalParams,
  item: Goal,
  newBody: NewGoalBody,
  patchBody: GoalPatchBody,
  list: { summary: "The project's goals", answer: 'Goals', body: Goal.array() },
  create: {
    summary: 'Add a SMART goal (planning only); a missing target or deadline is refused naming the SMART element',
    answer: 'Created',
    responses: { 400: smartRefusal, 409: planLockedResponse },
  },
  get: { summary: 'One goal', answer: 'The goal' },
  update: { summary: 'Change a goal (planning only); the changed goal must still be SMART', responses: { 400: smartRefusal, 409: planLockedResponse } },
  delete: {
    summary: 'Remove a goal (planning only); its milestones go too only when asked (withMilestones=true)',
    query: DeleteGoalQuery,
    responses: { 409: refusal('Past planning, or the goal still has milestones') },
  },
});
