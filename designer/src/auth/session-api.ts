import { z } from 'zod';
import { ApiError, onStaleCsrf } from '../api/client';
import { requestJson, requestVoid } from '../shared/request';
import { queryClient } from '../app/queries';
import { sessionState, setSignedIn, setSignedOut } from './session-store';
import type { Language } from '../../../workflows/i18n/languages';
import { User } from '../../../api/contract/users';
import { ApiToken, CreatedApiToken, LoginResponse, SessionResponse } from '../../../api/contract/auth';

/** Asks the server who is signed in (the cookie is HttpOnly, so only the server can tell). */
export async function loadSession(): Promise<void> {
  try {
    setSignedIn(await requestJson(SessionResponse, 'GET', '/api/auth/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) setSignedOut();
    else throw error;
  }
}

onStaleCsrf(async () => {
  try {
    const session = await requestJson(SessionResponse, 'GET', '/api/auth/session');
    setSignedIn(session);
    return true;
  } catch {
    return false;
  }
});

export async function signIn(email: string, password: string): Promise<LoginResponse> {
  const before = sessionState();
  const session = await requestJson(LoginResponse, 'POST', '/api/auth/login', { email, password });
  const previous = before.status === 'signed-in' || before.status === 'expired' ? before.session.user.id : null;
  // Someone else's answers must not linger in the page's cache (the pages remount for the new person).
  if (previous !== session.user.id) queryClient.removeQueries();
  setSignedIn(session);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await requestVoid('POST', '/api/auth/logout');
  } catch (error) {
    // Already gone on the server: signed out all the same.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  setSignedOut(true);
  queryClient.removeQueries();
}

export const changePassword = (currentPassword: string, newPassword: string) => requestVoid('PUT', '/api/auth/password', { currentPassword, newPassword });

/** Keeps the person's language with their account; the page shows itself in it at once (session-store). */
export async function setLanguage(language: Language | null): Promise<void> {
  const user = await requestJson(User, 'PUT', '/api/auth/language', { language });
  const current = sessionState();
  if (current.status === 'signed-in') setSignedIn({ ...current.session, user });
}

export const listTokens = (): Promise<ApiToken[]> => requestJson(z.array(ApiToken), 'GET', '/api/auth/tokens');

export const createToken = (input: { name: string; role: string; expiresInDays?: number | string | undefined }) => requestJson(CreatedApiToken, 'POST', '/api/auth/tokens', input);

export const revokeToken = (id: string) => requestVoid('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`);
