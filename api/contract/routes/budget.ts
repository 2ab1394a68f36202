import { routesOf, json, jsonBody, planLockedResponse } from './define-routes';
import { Budget, BudgetLine, BudgetLineParams, BudgetLinePatchBody, NewBudgetLineBody } from '../budget';
import { IdParam } from '../common';

const route = routesOf('budget');

export const listBudget = route.get('/api/projects/{id}/budget', {
  summary: 'Budget lines with planned vs spent, and the totals',
  request: { params: IdParam },
  responses: { 200: json('The budget', Budget) },
});

export const createBudgetLine = route.post('/api/projects/{id}/budget', {
  summary: 'Add a budget line (planning only)',
  request: { params: IdParam, body: jsonBody(NewBudgetLineBody) },
  responses: { 201: json('Created', BudgetLine), 409: planLockedResponse },
});

export const updateBudgetLine = route.patch('/api/projects/{id}/budget/{lineId}', {
  summary: 'Book spending (any time) or change category and planned amount (planning only)',
  request: { params: BudgetLineParams, body: jsonBody(BudgetLinePatchBody) },
  responses: { 200: json('Changed', BudgetLine), 409: planLockedResponse },
});

export const getBudgetLine = route.get('/api/projects/{id}/budget/{lineId}', {
  summary: 'One budget line',
  request: { params: BudgetLineParams },
  responses: { 200: json('The line', BudgetLine) },
});

export const deleteBudgetLine = route.delete('/api/projects/{id}/budget/{lineId}', {
  summary: 'Remove a budget line (planning only)',
  request: { params: BudgetLineParams },
  responses: { 204: { description: 'Deleted' }, 409: planLockedResponse },
});
