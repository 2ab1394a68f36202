import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { useCan } from '../auth/use-can';
import { Card } from '../shared/Card';
import { Field } from '../shared/Field';
import { formatNumber } from '../shared/format';
import { TableHead } from '../shared/TableHead';
import { calendarTitle, sourceLabel } from './calendar-labels';
import { calendarsKey, loadSharedCalendars, type SharedCalendarView } from './calendars-api';
import { ImportYear } from './ImportYear';
import { YearPanel } from './YearPanel';
import { SHARED_YEAR_MAX, SHARED_YEAR_MIN } from '../../../workflows/domain/shared-calendars';

/**
 * The shared holiday calendars (mainland China's): the years each knows and where they come from,
 * a year's days, and for admins the import of a year from a file, the edit of a day, and forgetting
 * a stored year. Everyone signed in may look; only what the API lets them change is offered.
 */
export function CalendarsPage() {
  return <QueryPage queryKey={calendarsKey} load={loadSharedCalendars} view={CalendarsView} />;
}

function CalendarsView({ data }: { data: SharedCalendarView[] }) {
  const { t } = useTranslation('calendars');
  return (
    <>
      <PageHead title={t('page.title')}>{t('page.intro')}</PageHead>
      {data.map((calendar) => (
        <CalendarSection key={calendar.id} calendar={calendar} />
      ))}
    </>
  );
}

/** The year shown first: this one when the calendar knows it, else the latest it knows. */
function firstYear(calendar: SharedCalendarView): number {
  const thisYear = new Date().getFullYear();
  return calendar.years.some((y) => y.year === thisYear) ? thisYear : (calendar.years.at(-1)?.year ?? thisYear);
}

function CalendarSection({ calendar }: { calendar: SharedCalendarView }) {
  const { t } = useTranslation('calendars');
  const mayManage = useCan('manageCalendars');
  const [year, setYear] = useState(() => firstYear(calendar));
  const title = calendarTitle(t, calendar.id);
  return (
    <div className="stack">
      <Card title={title} testId="shared-calendar">
        <table className="table table--compact" data-testid="calendar-years">
          <caption className="sr-only">{t('years.caption', { calendar: title })}</caption>
          <TableHead columns={[t('years.year'), t('years.source'), { label: t('years.holidays'), num: true }, { label: t('years.workingDays'), num: true }, { label: t('years.actions'), hidden: true }]} />
          <tbody>
            {calendar.years.map((y) => (
              <tr key={y.year} aria-current={y.year === year ? 'true' : undefined} data-testid={`calendar-year-${y.year}`}>
                <td>{y.year}</td>
                <td>{sourceLabel(t, y.source)}</td>
                <td className="num">{formatNumber(y.holidays)}</td>
                <td className="num">{formatNumber(y.workingDays)}</td>
                <td className="row-actions">
                  <button type="button" className="button" aria-pressed={y.year === year} onClick={() => setYear(y.year)}>
                    {t('years.show', { year: y.year })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <GoToYear onGo={setYear} />
      </Card>
      <YearPanel key={`${calendar.id}-${year}`} calendarId={calendar.id} year={year} mayManage={mayManage} />
      {mayManage && <ImportYear calendarId={calendar.id} initialYear={year} onImported={setYear} />}
    </div>
  );
}

/** A year the table does not list yet (to add its days one by one). */
function GoToYear({ onGo }: { onGo: (year: number) => void }) {
  const { t } = useTranslation('calendars');
  const [text, setText] = useState('');
  const [outOfRange, setOutOfRange] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = Number(text);
    const known = Number.isInteger(year) && year >= SHARED_YEAR_MIN && year <= SHARED_YEAR_MAX;
    setOutOfRange(!known);
    if (known) onGo(year);
  };
  return (
    <form className="go-to-year" onSubmit={submit} aria-label={t('years.goTo')}>
      <Field label={t('years.goTo')} help={t('years.goToHelp')} error={outOfRange ? t('import.yearRange', { min: SHARED_YEAR_MIN, max: SHARED_YEAR_MAX }) : undefined}>
        {(props) => <input {...props} type="number" min={SHARED_YEAR_MIN} max={SHARED_YEAR_MAX} value={text} onChange={(event) => setText(event.target.value)} data-testid="go-to-year" />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('years.showYear')}
        </button>
      </div>
    </form>
  );
}
