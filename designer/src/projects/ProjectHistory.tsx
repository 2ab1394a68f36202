import { History } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { useCan } from '../auth/use-can';
import { auditPageSchema, type AuditEvent, type ProjectAccess } from '../shared/api-schemas';
import { usePeople } from '../shared/people';
import { queryString, requestJson } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { formatDateTime } from '../shared/time';
import { useResource } from '../shared/use-resource';
import { historyLine } from './audit-summary';

const pageSize = 50;

interface Loaded {
  events: AuditEvent[];
  nextBefore: string | null;
  /** The API refused (not the project's manager): the section is not shown at all. */
  hidden: boolean;
}

async function loadHistory(projectId: string, before?: string): Promise<Loaded> {
  try {
    const page = await requestJson(auditPageSchema, 'GET', `/api/audit${queryString({ projectId, limit: pageSize, before })}`);
    return { ...page, hidden: false };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return { events: [], nextBefore: null, hidden: true };
    throw error;
  }
}

/**
 * Who changed what in the project, newest first; for admins and the project's managers (the
 * owner's managers, who plan it: `access` is plan). A new
 * `refreshKey` (the page reloaded after a change) fetches the newest changes again.
 */
export function ProjectHistory({ projectId, access, refreshKey }: { projectId: string; access: ProjectAccess; refreshKey: string }) {
  const mayRead = useCan('readProjectHistory') && access === 'plan';
  return mayRead ? <HistorySection projectId={projectId} refreshKey={refreshKey} /> : null;
}

function HistorySection({ projectId, refreshKey }: { projectId: string; refreshKey: string }) {
  const first = useResource(`audit:${projectId}`, () => loadHistory(projectId));
  const [older, setOlder] = useState<{ events: AuditEvent[]; nextBefore: string | null } | null>(null);
  const shownKey = useRef(refreshKey);
  const { reload } = first;
  useEffect(() => {
    if (shownKey.current === refreshKey) return;
    shownKey.current = refreshKey;
    setOlder(null);
    void reload();
  }, [refreshKey, reload]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  const loaded = first.load.status === 'ready' ? first.load.value : null;
  const events = useMemo(() => [...(loaded?.events ?? []), ...(older?.events ?? [])], [loaded, older]);
  const people = usePeople();
  const lines = useMemo(() => {
    const names = new Map(people.status === 'ready' ? people.users.map((u) => [u.id, u.name]) : []);
    const wording = { formatInstant: formatDateTime, personName: (id: string) => names.get(id) ?? null };
    return events.map((event) => historyLine(event, wording));
  }, [events, people]);
  if (loaded?.hidden) return null;
  const nextBefore = older ? older.nextBefore : (loaded?.nextBefore ?? null);

  async function more() {
    if (nextBefore === null) return;
    setLoadingMore(true);
    try {
      const page = await loadHistory(projectId, nextBefore);
      setOlder((shown) => ({ events: [...(shown?.events ?? []), ...page.events], nextBefore: page.nextBefore }));
      setMoreError(null);
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="card" aria-labelledby="history-title" data-testid="project-history">
      <h2 id="history-title">
        <History size={16} aria-hidden="true" /> History
      </h2>
      {first.load.status === 'loading' && <p className="muted">Loading…</p>}
      {first.load.status === 'failed' && (
        <p className="error-text">
          {first.load.message}{' '}
          <button type="button" className="link" onClick={first.retry}>
            Try again
          </button>
        </p>
      )}
      {loaded && lines.length === 0 && <p className="muted">No changes recorded yet.</p>}
      {lines.length > 0 && (
        <ol className="history">
          {lines.map((line) => (
            <li key={line.id} className="history__item" data-testid="history-item">
              <p className="history__head">
                <strong>{line.who}</strong> {line.what} <span className="small muted">· <TimeText at={line.at} /></span>
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
      {moreError && (
        <p className="error-text" role="alert">
          {moreError}
        </p>
      )}
      {nextBefore !== null && (
        <button type="button" className="button" onClick={() => void more()} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Show older changes'}
        </button>
      )}
    </section>
  );
}
