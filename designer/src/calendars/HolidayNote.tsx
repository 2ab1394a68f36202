import { useTranslation } from 'react-i18next';
import { formatDay } from './day-format';
import { calendarDate, markedDay } from './marked-days';
import { useSharedYear } from './use-shared-year';
import type { BusinessCalendar } from '../../../workflows/domain/business-calendar';

/**
 * Under a date field: what the project's calendar makes of the chosen day — a holiday (国庆节), a
 * 调休 make-up working day — or nothing for an ordinary day. `value` is the field's value (a date
 * or a datetime-local input's), read as a date where the project works.
 */
export function HolidayNote({ value, calendar }: { value: string | null | undefined; calendar: BusinessCalendar }) {
  const { t } = useTranslation('calendars');
  const date = calendarDate(value, calendar.timeZone);
  const shared = useSharedYear(calendar.holidaysFrom, date === null ? null : Number(date.slice(0, 4)));
  if (date === null) return null;
  const day = markedDay(date, calendar, shared.data ?? null);
  if (day === null) return null;
  const on = formatDay(date);
  const text =
    day.kind === 'holiday'
      ? day.name === null
        ? t('note.holidayUnnamed', { date: on })
        : t('note.holiday', { date: on, name: day.name })
      : day.name === null
        ? t('note.workingDayUnnamed', { date: on })
        : t('note.workingDay', { date: on, name: day.name });
  return (
    <p className={`holiday-note holiday-note--${day.kind}`} role="status" data-testid="holiday-note">
      {text}
    </p>
  );
}
