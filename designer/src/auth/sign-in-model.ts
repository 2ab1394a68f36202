import { i18next } from '../i18n/i18n';

/** Where the page goes after sign-in when nothing else was asked for. */
export const homePath = '/projects';

/**
 * The page to return to after sign-in, from `?next=`: only a path on this site (never `//host` or
 * `/\host`, which browsers read as another site), and never the sign-in page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return homePath;
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/sign-in/')) return homePath;
  return next;
}

/** `/sign-in?next=…` for a page someone asked for before signing in. */
export function signInPathFor(path: string, search: string): string {
  const wanted = `${path}${search ? `?${search.replace(/^\?/, '')}` : ''}`;
  return wanted === '/' || safeNext(wanted) !== wanted ? '/sign-in' : `/sign-in?next=${encodeURIComponent(wanted)}`;
}

/** "30 seconds", "1 minute", "15 minutes": a rate limit's wait, rounded up to what a person reads. */
export function waitText(seconds: number): string {
  if (seconds < 60) return i18next.t('auth:wait.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return i18next.t('auth:wait.minutes', { count: minutes });
  return i18next.t('auth:wait.hours', { count: Math.ceil(minutes / 60) });
}
