import { useTranslation } from 'react-i18next';

/** What a panel shows when its data could not be loaded: why, and a way to try again. */
export function LoadFailed({ message, retry }: { message: string; retry: () => void }) {
  const { t } = useTranslation('shared');
  return (
    <p className="error-text">
      {message}{' '}
      <button type="button" className="button" onClick={retry}>
        {t('tryAgain')}
      </button>
    </p>
  );
}
