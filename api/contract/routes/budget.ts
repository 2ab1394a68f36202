import { planLockedResponse } from './define-routes';
import { projectItemRoutes } from './project-items';
import { Budget, BudgetLine, BudgetLineParams, BudgetLinePatchBody, NewBudgetLineBody } from '../budget';

export const budgetRoutes = projectItemRoutes({
  tag: 'budget',
  path: '/api/projects/{id}/budget',
  itemPath: '/api/projects/{id}/budget/{lineId}',
  params: BudgetLineParams,
  item: BudgetLine,
  newBody: NewBudgetLineBody,
  patchBody: BudgetLinePatchBody,
  list: { summary: 'Budget lines with planned vs spent, and the totals', answer: 'The budget', body: Budget },
  create: { summary: 'Add a budget line (planning only)', answer: 'Created', responses: { 409: planLockedResponse } },
  get: { summary: 'One budget line', answer: 'The line' },
  update: { summary: 'Book spending (any time) or change category and planned amount (planning only)', responses: { 409: planLockedResponse } },
  delete: { summary: 'Remove a budget line (planning only)', responses: { 409: planLockedResponse } },
});
