import { History } from 'lucide-react';
import { Card } from '../shared/Card';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { AuditEventList } from '../audit/AuditEventList';
import { useAuditPages } from '../audit/use-audit-pages';
import { queryString, requestJson } from '../shared/request';
import { AuditPage } from '../../../api/contract/audit';

const pageSize = 50;

interface Loaded extends AuditPage {
  /** The API refused (not the project's manager): the section is not shown at all. */
  hidden: boolean;
}

async function loadHistory(projectId: string, before?: number): Promise<Loaded> {
  try {
    const page = await requestJson(AuditPage, 'GET', `/api/audit${queryString({ projectId, limit: pageSize, before })}`);
    return { ...page, hidden: false };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return { events: [], nextBefore: null, hidden: true };
    throw error;
  }
}

/**
 * Who changed what in the project, newest first; for admins and the project's managers, as the
 * API says in the project's `can.readHistory`. A new
 * `refreshKey` (the page reloaded after a change) fetches the newest changes again.
 */
export function ProjectHistory({ projectId, mayRead, refreshKey }: { projectId: string; mayRead: boolean; refreshKey: string }) {
  return mayRead ? <HistorySection projectId={projectId} refreshKey={refreshKey} /> : null;
}

function HistorySection({ projectId, refreshKey }: { projectId: string; refreshKey: string }) {
  const { t } = useTranslation('projects');
  const pages = useAuditPages(['audit', projectId], (before) => loadHistory(projectId, before));
  const shownKey = useRef(refreshKey);
  const { refresh } = pages;
  useEffect(() => {
    if (shownKey.current === refreshKey) return;
    shownKey.current = refreshKey;
    void refresh();
  }, [refreshKey, refresh]);

  if (pages.first.load.status === 'ready' && pages.first.load.value.hidden) return null;
  return (
    <Card title={<><History size={16} aria-hidden="true" /> {t('history.title')}</>} testId="project-history">
      <AuditEventList pages={pages} empty={t('history.empty')} />
    </Card>
  );
}
