import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoment, fromNow, type ZoneOption } from './time';

/**
 * A moment in the reader's zone (or `timeZone`, a project calendar's) with how far away it is, in
 * the page's language: "12 Mar 2027, 18:00 (in 2 days)", "2027年3月12日 18:00（2天后）"; the exact
 * moment with its zone on hover.
 */
export function TimeText({ at, hint = true, timeZone }: { at: string; hint?: boolean } & ZoneOption) {
  const { t } = useTranslation('shared');
  return (
    <time dateTime={at} title={formatMoment(at, { timeZone })}>
      {formatDateTime(at, { timeZone })}
      {hint && <span className="muted"> {t('time.hint', { distance: fromNow(at) })}</span>}
    </time>
  );
}
