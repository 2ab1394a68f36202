import { useSyncExternalStore } from 'react';
import type { LoginResponse, SessionResponse } from '../../../api/contract/auth';
import { applyLanguage } from '../i18n/i18n';

/** A session as signing in answers it, or as asking for it later does. */
export type Session = LoginResponse | SessionResponse;

/**
 * Who is signed in, for the whole page. `expired` keeps the page mounted under a sign-in form, so
 * a session that runs out mid-edit loses nothing typed; `signed-out` is a deliberate sign-out or
 * no session at all.
 */
export type SessionState =
  | { status: 'loading' }
  /** `signedOut`: the person just signed out here, so sign-in should not return them to where they were. */
  | { status: 'signed-out'; signedOut: boolean }
  | { status: 'signed-in'; session: Session }
  | { status: 'expired'; session: Session };

let state: SessionState = { status: 'loading' };
/** The last session seen, so a page still on screen for a moment after sign-out renders as before. */
let lastSession: Session | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  if (next.status === 'signed-in') lastSession = next.session;
  // The person's own language wherever they sign in, else the browser's; nobody's after a sign-out.
  if (next.status === 'signed-in') void applyLanguage(next.session.user.language);
  else if (next.status === 'signed-out' && next.signedOut) void applyLanguage(null);
  for (const listener of listeners) listener();
}

export const sessionState = (): SessionState => state;

export function setSignedIn(session: Session): void {
  set({ status: 'signed-in', session });
}

export function setSignedOut(signedOut = false): void {
  set({ status: 'signed-out', signedOut });
}

/** The server no longer knows the session (expired, signed out elsewhere): ask to sign in again. */
export function markExpired(): void {
  if (state.status === 'signed-in') set({ status: 'expired', session: state.session });
  else if (state.status === 'loading') set({ status: 'signed-out', signedOut: false });
}

/** The session's CSRF token, which every cookie-authenticated write must echo. */
export function csrfToken(): string | null {
  return state.status === 'signed-in' || state.status === 'expired' ? state.session.csrfToken : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribe, sessionState);
}

/**
 * The signed-in session. Only for components under the signed-in app (App renders nothing else
 * until there is one), so it never returns null there.
 */
export function useSession(): Session {
  const current = useSessionState();
  if (current.status === 'signed-in' || current.status === 'expired') return current.session;
  if (lastSession !== null) return lastSession;
  throw new Error('useSession() is only for pages shown to a signed-in person.');
}
