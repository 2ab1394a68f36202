import { DateTime } from 'luxon';
import { z } from 'zod';
import { decimalText } from './decimal';
import { CsvSyntaxError, parseCsv } from './csv';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time-zone';
import { ownPattern } from './own-pattern';
import { kpiValueProblem } from './smart-goal';

export const kpiCsvColumns = ['metric', 'value', 'reported_at', 'reporter_email'] as const;
export type KpiCsvColumn = (typeof kpiCsvColumns)[number];

/** A column, 'row' for a row as a whole, 'header' for the first row, 'file' for the file as a whole. */
export type KpiCsvField = KpiCsvColumn | 'row' | 'header' | 'file';

export interface KpiCsvError {
  /**
   * The row as a spreadsheet numbers it: 1-based, the header is row 1, the first data row is row 2,
   * and blank rows count. (A quoted cell spanning lines is still one row.)
   */
  row: number;
  field: KpiCsvField;
  message: string;
}

export interface KpiCsvOptions {
  /** Zone for reported_at values written without an offset. Default Asia/Shanghai. */
  timeZone?: string;
  /** Metric names the project tracks; others are refused. Default: any non-empty name. */
  metrics?: readonly string[];
  /** E-mails of the people allowed to report (compared case-insensitively). Default: anyone. */
  reporterEmails?: readonly string[];
  /** Reports dated after this moment are refused. */
  now?: Date;
  /** Default 10,000 data rows. */
  maxRows?: number;
  /** Stop collecting after this many errors (default 200); a last error says there were more. */
  maxErrors?: number;
  delimiter?: string;
}

/** Year first only: 03/04/2027 means March in one office and April in the next. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function rowSchema(options: KpiCsvOptions, zone: string) {
  const metrics = options.metrics ? new Set(options.metrics) : null;
  const reporters = options.reporterEmails ? new Set(options.reporterEmails.map((email) => email.trim().toLowerCase())) : null;
  const { now } = options;
  return z.object({
    metric: z
      .string()
      .trim()
      .min(1, { error: 'the metric is empty' })
      .refine((metric) => !metrics || metrics.has(metric), {
        error: (issue) => `metric '${String(issue.input)}' is not one of: ${[...(metrics ?? [])].join(', ')}`,
      }),
    value: z
      .string()
      .trim()
      .refine((value) => DECIMAL.test(value), {
        error: (issue) =>
          issue.input === ''
            ? 'the value is empty'
            : `value '${String(issue.input)}' is not a number (use a dot for decimals, no thousands separators)`,
      })
      // Kept as text, exactly as written: a value like 9007199254740993 must not become …992.
      .transform((value, ctx) => {
        const checked = decimalText(value);
        if (checked.ok) return checked.text;
        ctx.addIssue({ code: 'custom', message: `value '${value}' ${checked.message}`, input: value });
        return z.NEVER;
      }),
    reportedAt: z
      .string()
      .trim()
      .transform((text, ctx) => {
        const parsed = DATE_TIME.test(text) ? DateTime.fromISO(text.replace(' ', 'T'), { zone }) : null;
        if (!parsed?.isValid) {
          ctx.addIssue({
            code: 'custom',
            message:
              text === ''
                ? 'reported_at is empty'
                : `reported_at '${text}' is not a date such as 2027-03-31 or 2027-03-31T17:30+08:00`,
          });
          return z.NEVER;
        }
        if (now && parsed.toMillis() > now.getTime()) {
          ctx.addIssue({ code: 'custom', message: `reported_at ${text} is in the future` });
          return z.NEVER;
        }
        return parsed.toJSDate();
      }),
    reporterEmail: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: (issue) => `reporter_email '${String(issue.input)}' is not an e-mail address`, ...ownPattern(z.regexes.email) }))
      .refine((email) => !reporters || reporters.has(email), {
        error: (issue) => `reporter_email ${String(issue.input)} is not a member of this project's teams`,
      }),
  }).superRefine((row, ctx) => {
    const problem = kpiValueProblem(row.metric, row.value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `value ${row.value} of ${row.metric} ${problem}` });
  });
}

export type KpiCsvRow = z.output<ReturnType<typeof rowSchema>> & {
  /** Same numbering as KpiCsvError.row. */
  row: number;
};

export type KpiCsvResult = { ok: true; rows: KpiCsvRow[] } | { ok: false; errors: KpiCsvError[] };

const columnOf: Record<string, KpiCsvColumn> = {
  metric: 'metric',
  value: 'value',
  reportedAt: 'reported_at',
  reporterEmail: 'reporter_email',
};

const isBlank = (record: readonly string[]): boolean => record.every((field) => field.trim() === '');

/**
 * KPI reports from a spreadsheet export with the header metric,value,reported_at,reporter_email (any
 * order, any case). All rows, or every error found and no rows: an import never half-happens.
 * Blank rows are skipped.
 */
export function parseKpiCsv(text: string, options: KpiCsvOptions = {}): KpiCsvResult {
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const maxRows = options.maxRows ?? 10_000;
  const maxErrors = options.maxErrors ?? 200;
  if (!isValidTimeZone(zone)) {
    return { ok: false, errors: [{ row: 1, field: 'file', message: `${zone} is not an IANA time zone` }] };
  }

  let records: string[][];
  try {
    records = parseCsv(text, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, errors: [{ row: error.record, field: 'row', message: error.message }] };
    throw error;
  }

  const [header, ...data] = records;
  if (!header || isBlank(header)) {
    const problem = header ? 'the first row is blank' : 'the file is empty';
    return { ok: false, errors: [{ row: 1, field: 'header', message: `${problem}; expected the header ${kpiCsvColumns.join(',')}` }] };
  }
  const errors: KpiCsvError[] = [];
  const names = header.map((name) => name.trim().toLowerCase());
  const positions = new Map<KpiCsvColumn, number>();
  names.forEach((name, index) => {
    const column = kpiCsvColumns.find((known) => known === name);
    if (!column) {
      const message = `unknown column '${header[index] ?? ''}'; expected ${kpiCsvColumns.join(',')}`;
      errors.push({ row: 1, field: 'header', message });
    }
    else if (positions.has(column)) errors.push({ row: 1, field: column, message: `the column ${column} appears twice` });
    else positions.set(column, index);
  });
  for (const column of kpiCsvColumns) {
    if (!positions.has(column)) errors.push({ row: 1, field: column, message: `the header has no ${column} column` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const dataRows = data.map((record, index) => ({ record, row: index + 2 })).filter(({ record }) => !isBlank(record));
  if (dataRows.length === 0) return { ok: false, errors: [{ row: 1, field: 'file', message: 'the file has no data rows' }] };
  if (dataRows.length > maxRows) {
    const message = `the file has ${dataRows.length} data rows; at most ${maxRows} can be imported at once`;
    return { ok: false, errors: [{ row: 1, field: 'file', message }] };
  }

  const schema = rowSchema(options, zone);
  const rows: KpiCsvRow[] = [];
  const cell = (record: readonly string[], column: KpiCsvColumn): string => record[positions.get(column) ?? -1] ?? '';
  for (const { record, row } of dataRows) {
    if (errors.length >= maxErrors) {
      errors.push({ row, field: 'file', message: `stopped after ${maxErrors} errors; fix these and import again` });
      break;
    }
    if (record.length !== header.length) {
      errors.push({ row, field: 'row', message: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const parsed = schema.safeParse({
      metric: cell(record, 'metric'),
      value: cell(record, 'value'),
      reportedAt: cell(record, 'reported_at'),
      reporterEmail: cell(record, 'reporter_email'),
    });
    if (parsed.success) rows.push({ ...parsed.data, row });
    else {
      for (const issue of parsed.error.issues) {
        errors.push({ row, field: columnOf[String(issue.path[0])] ?? 'row', message: issue.message });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
