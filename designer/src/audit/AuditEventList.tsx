import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePeople } from '../shared/people';
import { TimeText } from '../shared/TimeText';
import { formatDateTime } from '../shared/time';
import { historyLine } from './audit-summary';
import type { AuditPages } from './use-audit-pages';
import type { AuditEvent, AuditPage } from '../../../api/contract/audit';
import { ShowMore } from '../shared/ShowMore';

/** What the whole trail adds to a project's history: how each change reached us, and its project. */
export interface TrailDetail {
  projectName: (projectId: string) => string | undefined;
}

/**
 * Audit events as readable lines — who did what, when, and before → after — with the states of
 * loading and paging. With `trail`, each line also says how the change was made (API token,
 * e-mail link, workflow) and links to its project.
 */
export function AuditEventList<T extends AuditPage>({ pages, empty, trail }: { pages: AuditPages<T>; empty: string; trail?: TrailDetail }) {
  const people = usePeople();
  const { t, i18n } = useTranslation('audit');
  const lines = useMemo(() => {
    const names = new Map(people.status === 'ready' ? people.users.map((u) => [u.id, u.name]) : []);
    const wording = { formatInstant: formatDateTime, personName: (id: string) => names.get(id) ?? null };
    return pages.events.map((event: AuditEvent) => ({ line: historyLine(event, wording), projectId: event.projectId }));
    // The lines are worded in the page's language: they are worded anew when it changes.
  }, [pages.events, people, i18n.language]);
  const { first } = pages;

  return (
    <>
      {first.load.status === 'loading' && <p className="muted">{t('list.loading')}</p>}
      {first.load.status === 'failed' && (
        <p className="error-text">
          {first.load.message}{' '}
          <button type="button" className="link" onClick={first.retry}>
            {t('list.tryAgain')}
          </button>
        </p>
      )}
      {first.load.status === 'ready' && lines.length === 0 && <p className="muted">{empty}</p>}
      {lines.length > 0 && (
        <ol className="history">
          {lines.map(({ line, projectId }) => (
            <li key={line.id} className="history__item" data-testid="history-item">
              <p className="history__head">
                {trail ? (
                  <>
                    <strong data-testid="history-who">{line.by.name}</strong>
                    {line.by.via && <span className="muted"> {line.by.via}</span>}
                  </>
                ) : (
                  <strong>{line.who}</strong>
                )}{' '}
                {line.what}
                {trail && projectId && (
                  <>
                    {' '}
                    {t('list.inProject')} <Link href={`/projects/${projectId}`}>{trail.projectName(projectId) ?? t('list.aProject')}</Link>
                  </>
                )}{' '}
                <span className="small muted">
                  · <TimeText at={line.at} />
                </span>
              </p>
              {line.changes.length > 0 && (
                <ul className="history__changes small">
                  {line.changes.map((change) => (
                    <li key={change.field}>
                      <span className="muted">{change.field}:</span>{' '}
                      {change.before !== '' && (
                        <>
                          <del>{change.before}</del> →{' '}
                        </>
                      )}
                      <ins>{change.after}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <ShowMore more={pages.nextBefore !== null} loading={pages.loadingMore} error={pages.moreError} onMore={() => void pages.more()} label={t('list.older')} testId="older-changes" />
    </>
  );
}
