import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client';
import type { HolidayImportError } from '../../../workflows/domain/holiday-import';

/** What went wrong, as shown in place: one sentence, then each problem the API (or the file check) named. */
export interface ProblemReport {
  summary: string;
  details: readonly { path: string; message: string }[];
}

/** A refusal of the API; a refused file (`invalid_holiday_table`) is summed up in the page's language. */
export function problemsOf(t: TFunction<'calendars'>, error: unknown): ProblemReport {
  if (!(error instanceof ApiError)) return { summary: errorMessage(error), details: [] };
  const summary = error.code === 'invalid_holiday_table' ? t('import.problems', { count: error.details.length }) : error.message;
  return { summary, details: error.details };
}

/** The file's problems as the API would name them (`line 3.kind`), found before anything is sent. */
export const fileProblems = (t: TFunction<'calendars'>, errors: readonly HolidayImportError[]): ProblemReport => ({
  summary: t('import.problems', { count: errors.length }),
  details: errors.map((e) => ({ path: e.field === 'file' ? 'file' : `line ${e.line}.${e.field}`, message: e.message })),
});

function detailText(t: TFunction<'calendars'>, { path, message }: { path: string; message: string }): string {
  const line = /^line (\d+)\.(.+)$/.exec(path);
  if (line) return t('import.problemAt', { line: Number(line[1]), field: line[2], message });
  if (path === '' || path === 'file') return t('import.problemFile', { message });
  return t('import.problemPath', { path, message });
}

export function Problems({ report, testId }: { report: ProblemReport | null; testId?: string }) {
  const { t } = useTranslation('calendars');
  if (report === null) return null;
  return (
    <div className="callout callout--error" role="alert" data-testid={testId}>
      <p>{report.summary}</p>
      {report.details.length > 0 && (
        <ul>
          {report.details.map((detail) => (
            <li key={`${detail.path} ${detail.message}`}>{detailText(t, detail)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
