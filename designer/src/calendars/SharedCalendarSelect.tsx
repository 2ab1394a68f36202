import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { SelectField } from '../shared/SelectField';
import { calendarTitle } from './calendar-labels';
import { sharedCalendarIds } from '../../../workflows/domain/shared-calendars';

/**
 * A project calendar's `holidaysFrom`: none, or a shared calendar (中国大陆 cn-mainland) whose
 * holidays and make-up working days the project then counts with.
 */
export function SharedCalendarSelect({ registration, error }: { registration: UseFormRegisterReturn; error: string | undefined }) {
  const { t } = useTranslation('calendars');
  return (
    <SelectField label={t('select.label')} optional error={error} registration={registration} testId="shared-calendar-select">
      <option value="">{t('select.none')}</option>
      {sharedCalendarIds.map((id) => (
        <option key={id} value={id}>
          {calendarTitle(t, id)}
        </option>
      ))}
    </SelectField>
  );
}
