import { routesOf, json, jsonBody, optionalJsonBody, refusal } from './define-routes';
import { IdParam } from '../common';
import { ActionItemsToTasksBody, ExportQuery, FinalizeBody, Retrospective, RetrospectiveInput, RetrospectiveInputBody, retrospectiveExportResponses } from '../retrospectives';

const conflict = refusal('The review is final');

const route = routesOf('retrospectives');

export const getProjectRetrospective = route.get('/api/projects/{id}/retrospective', {
  summary: 'The project’s closing review: report and team input',
  request: { params: IdParam },
  responses: { 200: json('The review', Retrospective) },
});

export const getRetrospective = route.get('/api/retrospectives/{id}', {
  summary: 'A closing review',
  request: { params: IdParam },
  responses: { 200: json('The review', Retrospective) },
});

export const submitRetrospectiveInput = route.post('/api/retrospectives/{id}/inputs', {
  summary: 'Answer the three questions for yourself (the project’s team; late answers count until it is final)',
  request: { params: IdParam, body: jsonBody(RetrospectiveInputBody) },
  responses: { 201: json('Recorded', RetrospectiveInput), 409: conflict },
});

export const finalizeRetrospective = route.post('/api/retrospectives/{id}/finalize', {
  summary: 'Finalize the review (the project’s owner, the owner’s managers, admins): the report is compiled once more and frozen',
  request: { params: IdParam, body: optionalJsonBody(FinalizeBody) },
  responses: { 200: json('Final', Retrospective), 409: conflict },
});

export const createActionItemTasks = route.post('/api/retrospectives/{id}/action-items/tasks', {
  summary: 'Turn action items into tasks on a follow-up project (the reviewed project’s planners; you must work on the follow-up project)',
  request: { params: IdParam, body: jsonBody(ActionItemsToTasksBody) },
  responses: { 201: json('Tasks created', ActionItemsToTasksBody.shape.items) },
});

export const exportRetrospectiveMarkdown = route.get('/api/retrospectives/{id}/export.md', {
  summary: 'The closing review as Markdown',
  request: { params: IdParam, query: ExportQuery },
  responses: retrospectiveExportResponses('text/markdown'),
});

export const exportRetrospectiveHtml = route.get('/api/retrospectives/{id}/export.html', {
  summary: 'The closing review as a page laid out for printing',
  request: { params: IdParam, query: ExportQuery },
  responses: retrospectiveExportResponses('text/html'),
});
