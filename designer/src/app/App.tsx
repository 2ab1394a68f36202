import { Workflow } from 'lucide-react';
import { Link, Redirect, Route, Switch, useRoute } from 'wouter';
import { EditorPage } from '../flows/EditorPage';
import { FlowListPage } from '../flows/FlowListPage';
import { VersionPage } from '../flows/VersionPage';
import { InboxPage } from '../inbox/InboxPage';
import { PeoplePage } from '../people/PeoplePage';
import { NewProjectPage } from '../plan/NewProjectPage';
import { PlanPage } from '../plan/PlanPage';
import { ProjectListPage } from '../projects/ProjectListPage';
import { ProjectPage } from '../projects/ProjectPage';
import { RetrospectivePage } from '../retrospective/RetrospectivePage';
import { ActingAs } from '../shared/ActingAs';

/** Top-level sections of the web app. */
export const navItems: readonly { href: string; label: string; match: string }[] = [
  { href: '/projects', label: 'Projects', match: '/projects/*?' },
  { href: '/inbox', label: 'Inbox', match: '/inbox' },
  { href: '/people', label: 'People', match: '/people' },
  { href: '/flows', label: 'Flows', match: '/flows/*?' },
];

function NavItem({ href, label, match }: { href: string; label: string; match: string }) {
  const [active] = useRoute(match);
  return (
    <Link href={href} className={`nav__item${active ? ' nav__item--active' : ''}`} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

function TopNav() {
  return (
    <nav className="nav" aria-label="Main">
      <Link href="/" className="nav__brand">
        <Workflow size={18} aria-hidden="true" /> Milepost
      </Link>
      {navItems.map((item) => (
        <NavItem key={item.href} {...item} />
      ))}
      <ActingAs />
    </nav>
  );
}

function NotFound() {
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p>
        <Link href="/flows">Go to the flows</Link>
      </p>
    </main>
  );
}

export function App() {
  return (
    <div className="app">
      <TopNav />
      <div className="app__page">
        <Switch>
          <Route path="/">
            <Redirect to="/projects" replace />
          </Route>
          <Route path="/projects" component={ProjectListPage} />
          <Route path="/projects/new" component={NewProjectPage} />
          <Route path="/projects/:id/plan">{(params) => <PlanPage id={params.id} />}</Route>
          <Route path="/projects/:id/retrospective">{(params) => <RetrospectivePage id={params.id} />}</Route>
          <Route path="/projects/:id">{(params) => <ProjectPage id={params.id} />}</Route>
          <Route path="/inbox" component={InboxPage} />
          <Route path="/people" component={PeoplePage} />
          <Route path="/flows" component={FlowListPage} />
          <Route path="/flows/:id/versions/:version">{(params) => <VersionPage id={params.id} version={Number(params.version)} />}</Route>
          <Route path="/flows/:id">{(params) => <EditorPage id={params.id} />}</Route>
          <Route component={NotFound} />
        </Switch>
      </div>
    </div>
  );
}
