import { routesOf, json } from './define-routes';
import { IdParam } from '../common';
import { Dashboard, DashboardQuery } from '../dashboard';

const route = routesOf('dashboard');

export const getDashboard = route.get('/api/projects/{id}/dashboard', {
  summary: 'Goals (target vs actual, attainment, RAG, plan-vs-actual series), milestones, budget, open risks and the monthly member ranking',
  request: { params: IdParam, query: DashboardQuery },
  responses: { 200: json('The dashboard', Dashboard) },
});
