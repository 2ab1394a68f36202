import { useTranslation } from 'react-i18next';

/**
 * The button under a list loaded a page at a time, with the error of the last attempt above it;
 * nothing once there is nothing more to load.
 */
export function ShowMore({ more, loading, error, onMore, label, testId }: { more: boolean; loading: boolean; error: string | null; onMore: () => void; label: string; testId: string }) {
  const { t } = useTranslation('shared');
  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {more && (
        <button type="button" className="button" onClick={onMore} disabled={loading} data-testid={testId}>
          {loading ? t('loading') : label}
        </button>
      )}
    </>
  );
}
