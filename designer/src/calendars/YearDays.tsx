import { useTranslation } from 'react-i18next';
import { RemoveButton } from '../plan/ItemList';
import { TableHead } from '../shared/TableHead';
import { kindLabel } from './calendar-labels';
import { formatDay, formatMonth } from './day-format';
import { daysByDate, type DayTable, type MarkedDay } from './marked-days';

/** A year's marked days, month by month: date, name, and whether it is a day off or a make-up working day. */
export function YearDays({ year, onRemove }: { year: DayTable; onRemove: ((date: string) => void) | undefined }) {
  const { t } = useTranslation('calendars');
  const byMonth = new Map<string, [string, MarkedDay][]>();
  for (const entry of [...daysByDate(year)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const month = entry[0].slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), entry]);
  }
  return (
    <div className="year-days" data-testid="year-days">
      {[...byMonth].map(([month, days]) => (
        <table key={month} className="table table--compact year-days__month">
          <caption>{formatMonth(`${month}-01`)}</caption>
          <TableHead columns={[t('year.date'), t('year.name'), t('year.kind'), onRemove !== undefined && { label: t('years.actions'), hidden: true }]} />
          <tbody>
            {days.map(([date, day]) => (
              <tr key={date} data-testid="marked-day" data-date={date}>
                <td>
                  <time dateTime={date}>{formatDay(date)}</time>
                </td>
                {/* A day's name is what an admin (or the official schedule) called it: data, in its own language. */}
                <td data-i18n-data={day.name === null ? undefined : ''}>{day.name ?? t('year.unnamed')}</td>
                <td>
                  <span className={`day-kind day-kind--${day.kind}`}>{kindLabel(t, day.kind)}</span>
                </td>
                {onRemove !== undefined && (
                  <td className="row-actions">
                    <RemoveButton label={t('year.remove', { date: formatDay(date) })} onClick={() => onRemove(date)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
