import { QueryClientProvider } from '@tanstack/react-query';
import { Workflow } from 'lucide-react';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation, useRoute, useSearch } from 'wouter';
import { errorMessage } from '../api/client';
import { loadSession } from '../auth/session-api';
import type { Ability } from '../auth/use-can';
import { useSession, useSessionState } from '../auth/session-store';
import { safeNext, signInPathFor } from '../auth/sign-in-model';
import { SessionEndedDialog, SignInPage } from '../auth/SignInPage';
import { UserMenu } from '../auth/UserMenu';
import {
  AccountPage,
  AuditTrailPage,
  CalendarsPage,
  ChatChannelsPage,
  ComparePage,
  EditorPage,
  FlowListPage,
  InboxPage,
  NewProjectPage,
  PeoplePage,
  PlanPage,
  ProjectListPage,
  ProjectPage,
  RetrospectivePage,
  SalesPlanPage,
  VersionPage,
} from './lazy-pages';
import { queryClient } from './queries';

/** Top-level sections of the web app; some only for the roles that may use them. */
export const navItems: readonly { href: string; label: NavLabel; match: string; permission?: Ability }[] = [
  { href: '/projects', label: 'projects', match: '/projects/*?' },
  { href: '/inbox', label: 'inbox', match: '/inbox' },
  { href: '/people', label: 'people', match: '/people' },
  { href: '/flows', label: 'flows', match: '/flows/*?' },
  { href: '/audit', label: 'audit', match: '/audit', permission: 'readAuditTrail' },
  { href: '/chat-channels', label: 'chatChannels', match: '/chat-channels', permission: 'manageChatChannels' },
  { href: '/calendars', label: 'calendars', match: '/calendars', permission: 'manageCalendars' },
];

/** A section's name in the `app` catalog (`nav.<label>`). */
type NavLabel = 'projects' | 'inbox' | 'people' | 'flows' | 'audit' | 'chatChannels' | 'calendars';

function NavItem({ href, label, match }: { href: string; label: NavLabel; match: string }) {
  const { t } = useTranslation('app');
  const [active] = useRoute(match);
  return (
    <Link href={href} className={`nav__item${active ? ' nav__item--active' : ''}`} aria-current={active ? 'page' : undefined}>
      {t(`nav.${label}`)}
    </Link>
  );
}

function TopNav() {
  const { t } = useTranslation('app');
  const { can } = useSession();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <Link href="/" className="nav__brand">
        <Workflow size={18} aria-hidden="true" /> {t('brand')}
      </Link>
      {navItems
        .filter((item) => item.permission === undefined || can[item.permission])
        .map((item) => (
          <NavItem key={item.href} {...item} />
        ))}
      <UserMenu />
    </nav>
  );
}

function NotFound() {
  const { t } = useTranslation('app');
  return (
    <main className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/projects">{t('notFound.toProjects')}</Link>
      </p>
    </main>
  );
}

function Pages() {
  const { t } = useTranslation('shared');
  return (
    <Suspense fallback={<div className="page-state muted">{t('loading')}</div>}>
      <PageRoutes />
    </Suspense>
  );
}

function PageRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/projects" replace />
      </Route>
      <Route path="/projects" component={ProjectListPage} />
      <Route path="/projects/new" component={NewProjectPage} />
      <Route path="/projects/:id/plan">{(params) => <PlanPage id={params.id} />}</Route>
      <Route path="/projects/:id/retrospective">{(params) => <RetrospectivePage id={params.id} />}</Route>
      <Route path="/projects/:id/sales-plan">{(params) => <SalesPlanPage id={params.id} />}</Route>
      <Route path="/projects/:id">{(params) => <ProjectPage id={params.id} />}</Route>
      <Route path="/inbox" component={InboxPage} />
      <Route path="/people" component={PeoplePage} />
      <Route path="/account" component={AccountPage} />
      <Route path="/audit" component={AuditTrailPage} />
      <Route path="/chat-channels" component={ChatChannelsPage} />
      <Route path="/calendars" component={CalendarsPage} />
      <Route path="/flows" component={FlowListPage} />
      <Route path="/flows/:id/compare">{(params) => <ComparePage id={params.id} />}</Route>
      <Route path="/flows/:id/versions/:version">{(params) => <VersionPage id={params.id} version={Number(params.version)} />}</Route>
      <Route path="/flows/:id">{(params) => <EditorPage id={params.id} />}</Route>
      <Route component={NotFound} />
    </Switch>
  );
}

/** Until the server says who is signed in: a moment on a fast line, a retry when it cannot be reached. */
function Starting() {
  const { t } = useTranslation('shared');
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    loadSession().catch((error: unknown) => setFailure(errorMessage(error)));
  }, [attempt]);
  if (failure === null) return <div className="page-state muted">{t('loading')}</div>;
  return (
    <div className="page-state">
      <p className="error-text">{failure}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          setFailure(null);
          setAttempt((n) => n + 1);
        }}
      >
        {t('tryAgain')}
      </button>
    </div>
  );
}

/**
 * Nothing but the sign-in page until someone is signed in; a page asked for before that opens
 * right after. The pages are keyed by the person, so signing in as someone else starts afresh.
 */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SignedInApp />
    </QueryClientProvider>
  );
}

function SignedInApp() {
  const state = useSessionState();
  const [path] = useLocation();
  const search = useSearch();
  const onSignIn = path === '/sign-in';

  if (state.status === 'loading') return <Starting />;
  if (state.status === 'signed-out') {
    if (onSignIn) return <SignInPage />;
    return <Redirect to={state.signedOut ? '/sign-in' : signInPathFor(path, search)} replace />;
  }
  if (onSignIn) return <Redirect to={safeNext(new URLSearchParams(search).get('next'))} replace />;
  return (
    <div className="app">
      <TopNav />
      <div className="app__page" key={state.session.user.id}>
        <Pages />
      </div>
      {state.status === 'expired' && <SessionEndedDialog email={state.session.user.email} />}
    </div>
  );
}
