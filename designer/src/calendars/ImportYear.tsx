import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../shared/Card';
import { DoneNote } from '../shared/DoneNote';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { importSharedYear, refreshCalendars } from './calendars-api';
import { ImportPreview } from './ImportPreview';
import { fileProblems, Problems, problemsOf, type ProblemReport } from './Problems';
import { parseHolidayCsv, parseHolidayIcs } from '../../../workflows/domain/holiday-import';
import { SHARED_YEAR_MAX, SHARED_YEAR_MIN, type SharedCalendarId, type SharedYear } from '../../../workflows/domain/shared-calendars';

/** An iCalendar file by its name or its first line; anything else is read as CSV. */
const formatOf = (name: string, text: string): 'csv' | 'ics' => (/\.ics$/i.test(name) || /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text) ? 'ics' : 'csv');

/** The start of a file the parser takes, shown as it is (column names and kinds are the format's, not words to translate). */
const csvExample = 'date,kind,name ⏎ 2027-10-01,休,国庆节';

export interface ImportDraft {
  year: number;
  format: 'csv' | 'ics';
  text: string;
  table: SharedYear;
}

/**
 * A year from a CSV or iCalendar file: read here with the parser the API uses, shown as what it
 * would change, and sent only when the admin confirms. A bad file is named line by line in place,
 * and the year and file chosen stay as they are.
 */
export function ImportYear({ calendarId, initialYear, onImported }: { calendarId: SharedCalendarId; initialYear: number; onImported: (year: number) => void }) {
  const { t } = useTranslation('calendars');
  const [yearText, setYearText] = useState(String(initialYear));
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [problems, setProblems] = useState<ProblemReport | null>(null);
  const [importing, setImporting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const year = Number(yearText);
  const yearProblem = Number.isInteger(year) && year >= SHARED_YEAR_MIN && year <= SHARED_YEAR_MAX ? undefined : t('import.yearRange', { min: SHARED_YEAR_MIN, max: SHARED_YEAR_MAX });

  function preview(event: FormEvent) {
    event.preventDefault();
    setNote(null);
    setDraft(null);
    if (yearProblem !== undefined) return;
    if (file === null) {
      setProblems({ summary: t('import.noFile'), details: [] });
      return;
    }
    const format = formatOf(file.name, file.text);
    const parsed = format === 'csv' ? parseHolidayCsv(file.text, year) : parseHolidayIcs(file.text, year);
    if (!parsed.ok) {
      setProblems(fileProblems(t, parsed.errors));
      return;
    }
    setProblems(null);
    setDraft({ year, format, text: file.text, table: parsed.year });
  }

  async function confirm(chosen: ImportDraft) {
    setImporting(true);
    try {
      const change = await importSharedYear(calendarId, chosen.year, chosen.format, chosen.text);
      await refreshCalendars();
      setDraft(null);
      setFile(null);
      setFileKey((k) => k + 1);
      setProblems(null);
      setNote(t('done.saved', { projects: change.rescheduling.projects }));
      onImported(chosen.year);
    } catch (error) {
      setProblems(problemsOf(t, error));
    } finally {
      setImporting(false);
    }
  }

  return (
    <Card title={t('import.title')} testId="import-year">
      <form className="subform" onSubmit={preview} noValidate aria-label={t('import.title')} data-testid="import-form">
        <div className="form-row">
          <Field label={t('import.year')} error={yearText === '' ? undefined : yearProblem}>
            {(props) => <input {...props} type="number" min={SHARED_YEAR_MIN} max={SHARED_YEAR_MAX} value={yearText} onChange={(event) => setYearText(event.target.value)} data-testid="import-year-number" />}
          </Field>
          <Field label={t('import.file')} help={<>{t('import.fileHelp')} <code>{csvExample}</code></>}>
            {(props) => (
              <input
                {...props}
                key={fileKey}
                type="file"
                accept=".csv,.ics,text/csv,text/calendar"
                data-testid="import-file"
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  setDraft(null);
                  setProblems(null);
                  if (chosen) void chosen.text().then((text) => setFile({ name: chosen.name, text }));
                  else setFile(null);
                }}
              />
            )}
          </Field>
        </div>
        <Problems report={problems} testId="import-problems" />
        <FormActions saving={false} label={t('import.preview')} savingLabel={t('import.preview')} primary={draft === null} disabled={importing} testId="preview-import">
          <DoneNote text={note} />
        </FormActions>
      </form>
      {draft && <ImportPreview calendarId={calendarId} draft={draft} importing={importing} onConfirm={() => void confirm(draft)} onCancel={() => setDraft(null)} />}
    </Card>
  );
}
