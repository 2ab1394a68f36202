import { routesOf, json, refusal, jsonBody } from './define-routes';
import { IdParam } from '../common';
import { InboxItem, InboxItemParams, InboxQuery, NewUserBody, User, UserListQuery, UserPatchBody } from '../users';

const route = routesOf('users');

export const createUser = route.post('/api/users', {
  summary: 'Add a person to the org chart (admins only)',
  request: { body: jsonBody(NewUserBody) },
  responses: { 201: json('Created', User), 409: refusal('E-mail already taken') },
});

export const listUsers = route.get('/api/users', {
  summary: 'Everyone in the org chart, by name (Chinese names by pinyin), or those whose name or e-mail contains q',
  request: { query: UserListQuery },
  responses: { 200: json('Users', User.array()) },
});

export const getUser = route.get('/api/users/{id}', {
  summary: 'One person',
  request: { params: IdParam },
  responses: { 200: json('The person', User) },
});

export const updateUser = route.patch('/api/users/{id}', {
  summary: "Change a person's name, manager, role, password or whether they are active (admins only)",
  description:
    'A new password, a deactivation or a role change ends their sessions. A manager who stands below the person in the org chart is refused (400); ' +
    'demoting or deactivating the last active admin is refused (409).',
  request: { params: IdParam, body: jsonBody(UserPatchBody) },
  responses: {
    200: json('The person now', User),
    409: refusal('It would leave no active admin'),
  },
});

export const listInbox = route.get('/api/users/{id}/inbox', {
  tags: ['inbox'],
  summary: "A person's inbox, newest first (only their own, or any for an admin)",
  request: { params: IdParam, query: InboxQuery },
  responses: { 200: json('Inbox items', InboxItem.array()) },
});

export const markInboxItemRead = route.post('/api/users/{id}/inbox/{itemId}/read', {
  tags: ['inbox'],
  summary: 'Mark one of your own inbox items read',
  request: { params: InboxItemParams },
  responses: { 204: { description: 'Read (the first time it was read stays)' } },
});
