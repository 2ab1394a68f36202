import { RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../app/PageHead';
import { PageState } from '../app/PageState';
import { useSession } from '../auth/session-store';
import { requestJson } from '../shared/request';
import { userTimeZone } from '../shared/time';
import { usePageQuery } from '../app/queries';
import { InboxEntryCard } from './InboxEntryCard';
import { inboxEntries } from './inbox-model';
import { ApprovalRequest } from '../../../api/contract/approvals';
import { InboxItem } from '../../../api/contract/users';

interface InboxData {
  items: InboxItem[];
  requests: ApprovalRequest[];
}

async function loadInbox(userId: string): Promise<InboxData> {
  const [items, requests] = await Promise.all([
    requestJson(InboxItem.array(), 'GET', `/api/users/${userId}/inbox?limit=200`),
    requestJson(ApprovalRequest.array(), 'GET', `/api/users/${userId}/approvals`),
  ]);
  return { items, requests };
}

/** Seconds between quiet refreshes while the page is visible, so new requests show up by themselves. */
const refreshEverySeconds = 15;

/** The signed-in person's inbox, newest first; decisions are made in place. */
export function InboxPage() {
  const { user } = useSession();
  const { t } = useTranslation('inbox');
  return (
    <main className="page">
      <PageHead title={t('page.title')}>{t('page.subtitle', { name: user.name, zone: userTimeZone() })}</PageHead>
      <Inbox userId={user.id} />
    </main>
  );
}

function Inbox({ userId }: { userId: string }) {
  const resource = usePageQuery(['inbox', userId], () => loadInbox(userId));
  const { reload } = resource;
  const { t } = useTranslation('inbox');
  const [tab, setTab] = useState<'action' | 'all'>('action');
  const [notice, setNotice] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    await reload();
    setRefreshing(false);
  }, [reload]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, refreshEverySeconds * 1000);
    return () => clearInterval(timer);
  }, [reload]);

  const onDecided = useCallback(
    async (text: string) => {
      setNotice(text);
      await reload();
    },
    [reload],
  );

  const data = resource.load.status === 'ready' ? resource.load.value : null;
  const entries = useMemo(() => (data ? inboxEntries(data.items, data.requests, Date.now()) : []), [data]);
  const waiting = entries.filter((e) => e.needsAction);
  const unread = entries.filter((e) => e.item.readAt === null).length;
  const shown = tab === 'action' ? waiting : entries;

  return (
    <PageState load={resource.load} retry={resource.retry}>
      {() => (
        <>
          <div className="toolbar-row">
            <div role="tablist" aria-label={t('page.whichItems')} className="segmented">
              <button type="button" role="tab" aria-selected={tab === 'action'} onClick={() => setTab('action')} data-testid="tab-action">
                {t('page.needsYou')} <span className={`count${waiting.length > 0 ? ' count--bad' : ''}`}>{waiting.length}</span>
              </button>
              <button type="button" role="tab" aria-selected={tab === 'all'} onClick={() => setTab('all')} data-testid="tab-all">
                {t('page.all')} <span className="count">{entries.length}</span>
              </button>
            </div>
            <span className="muted small">{t('page.unread', { count: unread })}</span>
            <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing}>
              <RefreshCw size={14} aria-hidden="true" /> {refreshing ? t('page.refreshing') : t('page.refresh')}
            </button>
          </div>
          <p className="sr-only" role="status" aria-live="polite">
            {notice}
          </p>
          {notice && (
            <p className="callout callout--success" data-testid="inbox-notice">
              {notice}
            </p>
          )}
          <div className="stack" role="tabpanel" data-testid="inbox-list">
            {shown.length === 0 ? (
              <p className="page-state muted" data-testid="inbox-empty">
                {tab === 'action' ? t('page.nothingWaits') : t('page.empty')}
              </p>
            ) : (
              shown.map((entry) => <InboxEntryCard key={entry.item.id} entry={entry} userId={userId} onDecided={onDecided} />)
            )}
          </div>
        </>
      )}
    </PageState>
  );
}
