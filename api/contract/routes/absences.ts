import { routesOf, json, jsonBody } from './define-routes';
import { IdParam } from '../common';
import { AbsenceBody, AbsenceState } from '../absences';

const route = routesOf('users');

export const getAbsence = route.get('/api/users/{id}/absence', {
  summary: "A person's absence and deputy, if one is set (anyone signed in: who stands in for whom is no secret)",
  request: { params: IdParam },
  responses: { 200: json('The absence, or none', AbsenceState) },
});

export const putAbsence = route.put('/api/users/{id}/absence', {
  summary: 'Set a person’s absence: requests arriving from `startsAt` until `endsAt` go to the deputy (the person, or a manager above them)',
  description:
    'Replaces the absence they had. Refused with 400 naming the field: an end before the start (endsAt), the person themself or someone inactive as deputy, ' +
    'or a deputy whose own absences at that time lead back to the person (deputyId: a loop).',
  request: { params: IdParam, body: jsonBody(AbsenceBody) },
  responses: { 200: json('The absence now', AbsenceState) },
});

export const deleteAbsence = route.delete('/api/users/{id}/absence', {
  summary: 'End or cancel a person’s absence: requests reach them again (the person, or a manager above them)',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed (or there was none)' } },
});
