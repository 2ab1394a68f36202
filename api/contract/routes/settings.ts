import { routesOf, json, jsonBody } from './define-routes';
import { InstanceLanguage } from '../settings';

const route = routesOf('settings');

export const getInstanceLanguage = route.get('/api/settings/language', {
  summary: 'The language Milepost writes in to people who chose none of their own (anyone signed in)',
  responses: { 200: json('The instance language', InstanceLanguage) },
});

export const putInstanceLanguage = route.put('/api/settings/language', {
  summary: 'Set the language Milepost writes in to people who chose none of their own (admins)',
  description: 'Messages sent from then on use it; a person who chose a language keeps theirs.',
  request: { body: jsonBody(InstanceLanguage) },
  responses: { 200: json('The instance language now', InstanceLanguage) },
});
