import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Load } from './queries';

/** Loading and failure as every page shows them; `children` renders what was loaded. */
export function PageState<T>({ load, retry, children }: { load: Load<T>; retry: () => void; children: (value: T) => ReactNode }) {
  const { t } = useTranslation('shared');
  if (load.status === 'loading') return <div className="page-state muted">{t('loading')}</div>;
  if (load.status === 'failed') {
    return (
      <div className="page-state">
        <p className="error-text">{load.message}</p>
        <button type="button" className="button" onClick={retry}>
          {t('tryAgain')}
        </button>
      </div>
    );
  }
  return <>{children(load.value)}</>;
}
