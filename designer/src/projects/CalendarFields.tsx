import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Field } from '../shared/Field';
import { typed } from '../shared/use-api-form';
import { currentLanguage } from '../i18n/i18n';
import type { ProjectBasicsBody } from '../../../api/contract/project-basics';
import { SharedCalendarSelect } from '../calendars/SharedCalendarSelect';

type Form = UseFormReturn<z.input<typeof ProjectBasicsBody>, unknown, z.output<typeof ProjectBasicsBody>>;
type ErrorOf = (path: 'calendar' | `calendar.${'workingDays' | 'workStart' | 'workEnd' | 'timeZone' | 'holidays' | 'extraWorkingDays' | 'holidaysFrom'}`) => string | undefined;

/** ISO weekdays (1 = Monday) with their short names in the page's language: "Mon", "周一". */
function weekdays(): [number, string][] {
  const format = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((day) => [day, format.format(Date.UTC(2024, 0, day))]);
}

/** Dates one a line (or separated by commas or spaces), as the calendar's lists want them. */
const datesOf = (text: string): string[] => text.split(/[\s,]+/).filter((date) => date !== '');

/** A list of dates of the calendar, typed one a line. */
function DateListField({ form, name, label, help, error }: { form: Form; name: 'calendar.holidays' | 'calendar.extraWorkingDays'; label: string; help: string; error: string | undefined }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field label={label} optional help={help} error={error}>
          {(props) => <textarea {...props} rows={3} ref={field.ref} name={field.name} onBlur={field.onBlur} defaultValue={(field.value ?? []).join('\n')} onChange={(event) => field.onChange(datesOf(event.target.value))} />}
        </Field>
      )}
    />
  );
}

/** A project's business calendar in the basics form: working days and hours, time zone, holidays. */
export function CalendarFields({ form, errorOf }: { form: Form; errorOf: ErrorOf }) {
  const { t } = useTranslation('projects');
  const { register, control } = form;
  return (
    <fieldset className={`group${errorOf('calendar') ? ' group--problem' : ''}`}>
      <legend>{t('calendar.title')}</legend>
      <Controller
        control={control}
        name="calendar.workingDays"
        render={({ field }) => (
          <div role="group" aria-label={t('calendar.workingDays')} className="form-row">
            {weekdays().map(([day, label]) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={(field.value ?? []).includes(day)}
                  onChange={(event) => field.onChange(event.target.checked ? [...(field.value ?? []), day].sort((a, b) => a - b) : (field.value ?? []).filter((d) => d !== day))}
                />{' '}
                {label}
              </label>
            ))}
          </div>
        )}
      />
      {errorOf('calendar.workingDays') && <p className="field__error">{errorOf('calendar.workingDays')}</p>}
      <div className="form-row">
        <Field label={t('calendar.workStarts')} error={errorOf('calendar.workStart')}>
          {(props) => <input {...props} type="time" {...register('calendar.workStart')} />}
        </Field>
        <Field label={t('calendar.workEnds')} help={t('calendar.workEndsHelp')} error={errorOf('calendar.workEnd')}>
          {(props) => <input {...props} {...register('calendar.workEnd')} />}
        </Field>
        <Field label={t('calendar.timeZone')} error={errorOf('calendar.timeZone')}>
          {(props) => <input {...props} {...register('calendar.timeZone')} />}
        </Field>
      </div>
      <div className="form-row">
        <DateListField form={form} name="calendar.holidays" label={t('calendar.holidays')} help={t('calendar.holidaysHelp')} error={errorOf('calendar.holidays')} />
        <DateListField form={form} name="calendar.extraWorkingDays" label={t('calendar.extraWorkingDays')} help={t('calendar.extraWorkingDaysHelp')} error={errorOf('calendar.extraWorkingDays')} />
      </div>
      <SharedCalendarSelect error={errorOf('calendar.holidaysFrom')} registration={register('calendar.holidaysFrom', { setValueAs: typed.optional })} />
    </fieldset>
  );
}
