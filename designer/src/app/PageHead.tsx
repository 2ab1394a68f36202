import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/**
 * The top of a page: where it sits (`crumbs`, links up the way), its title, a line about it
 * (`children`) and the page's own buttons (`actions`).
 */
export function PageHead({ crumbs, title, actions, children }: { crumbs?: ReactNode; title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page__head">
      <div>
        {crumbs && <p className="crumbs">{crumbs}</p>}
        <h1>{title}</h1>
        {children && <p className="muted">{children}</p>}
      </div>
      {actions && <div className="page__actions">{actions}</div>}
    </div>
  );
}

/** The way up from a project's pages: the project list, then the project itself when the page is one of its own. */
export function ProjectCrumbs({ project }: { project?: { id: string; name: string } }) {
  const { t } = useTranslation('app');
  return (
    <>
      <Link href="/projects">{t('crumbs.projects')}</Link> /
      {project && (
        <>
          {' '}
          <Link href={`/projects/${project.id}`}>{project.name}</Link> /
        </>
      )}
    </>
  );
}
