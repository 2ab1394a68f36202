import { routesOf, json, jsonBody } from './define-routes';
import { IdParam } from '../common';
import { NewTaskBody, Task, TaskParams, TaskPatchBody, TaskQuery } from '../tasks';

const route = routesOf('tasks');

export const listTasks = route.get('/api/projects/{id}/tasks', {
  summary: "The project's tasks, soonest due first; filter by status, assignee or milestone",
  request: { params: IdParam, query: TaskQuery },
  responses: { 200: json('Tasks', Task.array()) },
});

export const createTask = route.post('/api/projects/{id}/tasks', {
  summary: 'Add a task',
  request: { params: IdParam, body: jsonBody(NewTaskBody) },
  responses: { 201: json('Created', Task) },
});

export const getTask = route.get('/api/projects/{id}/tasks/{taskId}', {
  summary: 'One task',
  request: { params: TaskParams },
  responses: { 200: json('The task', Task) },
});

export const updateTask = route.patch('/api/projects/{id}/tasks/{taskId}', {
  summary: 'Change a task (title, assignee, due time, milestone, status)',
  request: { params: TaskParams, body: jsonBody(TaskPatchBody) },
  responses: { 200: json('Changed', Task) },
});

export const deleteTask = route.delete('/api/projects/{id}/tasks/{taskId}', {
  summary: 'Remove a task',
  request: { params: TaskParams },
  responses: { 204: { description: 'Deleted' } },
});
