import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { kindLabel } from './calendar-labels';
import { daysByDate, type DayKind, type DayTable } from './marked-days';

const choices = ['holiday', 'workingDay', 'ordinary'] as const;
type Choice = (typeof choices)[number];

/**
 * One day of the year marked anew: a holiday, a make-up working day, or an ordinary day again.
 * The rest of the year stays as it is; the whole year is what the API stores.
 */
export function EditDay({ year, table, onSave }: { year: number; table: DayTable | null; onSave: (date: string, kind: DayKind | null, name: string | null) => Promise<boolean> }) {
  const { t } = useTranslation('calendars');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Choice>('holiday');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState(false);

  /** A date already marked starts from what it is. */
  const pick = (value: string) => {
    setDate(value);
    setMissing(false);
    const marked = daysByDate(table).get(value);
    if (marked) {
      setKind(marked.kind);
      setName(marked.name ?? '');
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!date.startsWith(`${year}-`)) {
      setMissing(true);
      return;
    }
    setSaving(true);
    const saved = await onSave(date, kind === 'ordinary' ? null : kind, kind === 'ordinary' || name.trim() === '' ? null : name.trim());
    setSaving(false);
    if (saved) {
      setDate('');
      setName('');
    }
  }

  return (
    <form className="subform" onSubmit={(event) => void submit(event)} noValidate aria-label={t('editDay.title', { year })} data-testid="edit-day">
      <h3>{t('editDay.title', { year })}</h3>
      <div className="form-row">
        <Field label={t('editDay.date')} error={missing ? t('editDay.noDate', { year }) : undefined}>
          {(props) => <input {...props} type="date" min={`${year}-01-01`} max={`${year}-12-31`} value={date} onChange={(event) => pick(event.target.value)} data-testid="edit-day-date" />}
        </Field>
        <Field label={t('editDay.kind')}>
          {(props) => (
            <select {...props} value={kind} onChange={(event) => setKind(choices.find((c) => c === event.target.value) ?? 'holiday')} data-testid="edit-day-kind">
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === 'ordinary' ? t('kinds.ordinary') : kindLabel(t, choice)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('editDay.name')} help={t('editDay.nameHelp')}>
          {(props) => <input {...props} value={name} disabled={kind === 'ordinary'} maxLength={100} onChange={(event) => setName(event.target.value)} data-testid="edit-day-name" />}
        </Field>
      </div>
      <FormActions saving={saving} label={t('editDay.save')} savingLabel={t('editDay.saving')} testId="save-day" />
    </form>
  );
}
