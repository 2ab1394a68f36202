import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from './store';

/** The editor's one message line: what just happened, or why it did not. Errors stay until closed. */
export function NoticeBar() {
  const notice = useEditorStore((s) => s.notice);
  const clear = useEditorStore((s) => s.clearNotice);
  const { t } = useTranslation('flowDesigner');
  useEffect(() => {
    if (notice === null || notice.tone === 'error') return;
    const timer = setTimeout(clear, 5000);
    return () => clearTimeout(timer);
  }, [notice, clear]);
  if (notice === null) return null;
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="icon-button" onClick={clear} aria-label={t('notices.close')}>
        <X size={14} />
      </button>
    </div>
  );
}
