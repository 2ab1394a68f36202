import { routesOf, json, refusal, jsonBody } from './define-routes';
import { IdParam } from '../common';
import { NewTeamBody, Team, TeamMembersBody } from '../teams';

const route = routesOf('teams');

export const createTeam = route.post('/api/teams', {
  summary: 'Create a team, optionally with its members (admins)',
  request: { body: jsonBody(NewTeamBody) },
  responses: { 201: json('Created', Team), 409: refusal('Name taken') },
});

export const listTeams = route.get('/api/teams', {
  summary: 'All teams with their members',
  standardErrors: false,
  responses: { 200: json('Teams', Team.array()) },
});

export const getTeam = route.get('/api/teams/{id}', {
  summary: 'One team with its members',
  request: { params: IdParam },
  responses: { 200: json('The team', Team) },
});

export const replaceTeamMembers = route.put('/api/teams/{id}/members', {
  summary: "Replace a team's members (admins)",
  request: { params: IdParam, body: jsonBody(TeamMembersBody) },
  responses: { 200: json('The team now', Team) },
});
