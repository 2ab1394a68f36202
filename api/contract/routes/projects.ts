import { routesOf, json, jsonBody, refusal } from './define-routes';
import { IdParam } from '../common';
import { ProjectBasicsBody, ProjectBasicsChanged } from '../project-basics';
import { KpiReport, NewKpiReportBody, NewProjectBody, Project, ProjectDetail, ProjectList, ProjectListQuery } from '../projects';

const route = routesOf('projects');

export const listProjects = route.get('/api/projects', {
  summary: 'The projects you may see, newest first, a page at a time, with phase, owner, attainment and RAG status; filter by phase, owner, status, name',
  request: { query: ProjectListQuery },
  responses: { 200: json('A page of projects', ProjectList) },
});

export const createProject = route.post('/api/projects', {
  summary: 'Create a sales project with its milestones and start its lifecycle (admins for anyone, managers for themselves and the people below them, members for themselves)',
  request: { body: jsonBody(NewProjectBody) },
  responses: { 201: json('Created', Project) },
});

export const getProject = route.get('/api/projects/{id}', {
  summary: 'A project with its milestones, escalations and live lifecycle state',
  request: { params: IdParam },
  responses: { 200: json('The project', ProjectDetail) },
});

export const reportKpi = route.post('/api/projects/{id}/kpi-reports', {
  tags: ['kpi'],
  summary: 'Report a KPI value for a project, as yourself (its members, owner, the owner’s managers, admins)',
  request: { params: IdParam, body: jsonBody(NewKpiReportBody) },
  responses: { 201: json('Recorded', KpiReport), 409: refusal("The project's results are frozen") },
});

export const changeBasics = route.patch('/api/projects/{id}', {
  summary:
    "Change a project's basics (its owner, the owner's managers, admins; until the closing review): name, description, owner and team at once; calendar, review cadence and monitoring window at once in planning, as change requests with the timers they move in execution",
  request: { params: IdParam, body: jsonBody(ProjectBasicsBody) },
  responses: { 200: json('Changed, or requested', ProjectBasicsChanged), 409: refusal('Not possible in the project’s current phase') },
});
