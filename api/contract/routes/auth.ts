import { IdParam, errorResponses } from '../common';
import { User } from '../users';
import { routesOf, json, refusal, jsonBody } from './define-routes';

import { ApiToken, CreatedApiToken, LanguageBody, LoginBody, LoginResponse, NewApiTokenBody, PasswordChangeBody, SessionResponse } from '../auth';

const errorContent = errorResponses[400].content;

const unauthenticatedResponse = { 401: { description: 'Nobody signed in', content: errorContent } } as const;
const tooManyAttemptsResponse = {
  429: {
    description: 'Too many failed sign-ins for this account or address; `Retry-After` says how many seconds to wait',
    headers: { 'Retry-After': { description: 'Seconds until the next attempt is counted', schema: { type: 'integer' as const } } },
    content: errorContent,
  },
} as const;

const route = routesOf('auth');

export const login = route.post('/api/auth/login', {
  summary: 'Sign in with e-mail and password; sets the session cookie',
  security: [],
  description:
    'Answers with the CSRF token every cookie-authenticated change must send as `X-CSRF-Token`. The session lasts 12 hours. ' +
    'Within 15 minutes, after 5 failures for an account from browsers not known to be its owner\'s, 5 from one known browser (device cookie) or 20 from one address, attempts from there answer 429 without checking the password.',
  request: { body: jsonBody(LoginBody) },
  standardErrors: false,
  responses: {
    200: json('Signed in; `Set-Cookie: milepost_session=…; HttpOnly; SameSite=Lax`', LoginResponse),
    400: errorResponses[400],
    401: refusal('Wrong e-mail or password (one answer for both)'),
    ...tooManyAttemptsResponse,
  },
});

export const logout = route.post('/api/auth/logout', {
  summary: 'Sign out: ends this session and clears its cookie',
  description: 'With an API token there is no session to end; revoke the token instead.',
  standardErrors: false,
  responses: { 204: { description: 'Signed out' }, ...unauthenticatedResponse },
});

export const getSession = route.get('/api/auth/session', {
  summary: 'Who is signed in, how, until when, and the CSRF token for changes',
  standardErrors: false,
  responses: { 200: json('The current session or token', SessionResponse), ...unauthenticatedResponse },
});

export const changePassword = route.put('/api/auth/password', {
  summary: 'Change your own password; ends your other sessions',
  description: 'A wrong current password counts as a failed sign-in for your account.',
  request: { body: jsonBody(PasswordChangeBody) },
  standardErrors: false,
  responses: {
    204: { description: 'Changed' },
    400: errorResponses[400],
    ...unauthenticatedResponse,
    ...tooManyAttemptsResponse,
  },
});

export const changeLanguage = route.put('/api/auth/language', {
  summary: 'Choose the language Milepost speaks to you; null: your browser\'s',
  description: 'The web app shows itself in it wherever you sign in; messages sent to you (e-mail, chat) use it too, English when null.',
  request: { body: jsonBody(LanguageBody) },
  standardErrors: false,
  responses: { 200: json('Your account with its language', User), 400: errorResponses[400], ...unauthenticatedResponse },
});

export const listTokens = route.get('/api/auth/tokens', {
  summary: 'Your API tokens (never their secrets), newest first',
  standardErrors: false,
  responses: { 200: json('Your tokens, revoked ones included', ApiToken.array()), ...unauthenticatedResponse },
});

export const createToken = route.post('/api/auth/tokens', {
  summary: 'Create an API token for yourself; its secret is shown this once',
  description: 'The token may do what its role allows, which must be your own role or a narrower one.',
  request: { body: jsonBody(NewApiTokenBody) },
  standardErrors: false,
  responses: {
    201: json('Created; `token` is the secret', CreatedApiToken),
    400: errorResponses[400],
    ...unauthenticatedResponse,
    403: refusal('A role you may not give'),
  },
});

export const revokeToken = route.delete('/api/auth/tokens/{id}', {
  summary: 'Revoke one of your API tokens',
  request: { params: IdParam },
  standardErrors: false,
  responses: {
    204: { description: 'Revoked (or already revoked)' },
    ...unauthenticatedResponse,
    404: errorResponses[404],
  },
});
