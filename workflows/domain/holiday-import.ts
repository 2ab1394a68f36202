import { DateTime } from 'luxon';
import { CsvSyntaxError, parseCsv } from './csv';
import { sharedYearProblems, type SharedDay, type SharedYear } from './shared-calendars';

/** A problem of an imported file: the line as an editor numbers it (1 = the first), the field, why. */
export interface HolidayImportError {
  line: number;
  field: string;
  message: string;
}

export type HolidayImportResult = { ok: true; year: SharedYear } | { ok: false; errors: HolidayImportError[] };

type Kind = 'holiday' | 'working_day';

/** The words a table may use for each kind: ours, the State Council's (休 / 班) and chinese-days' English. */
const kindWords: Record<string, Kind> = {
  holiday: 'holiday',
  休: 'holiday',
  off: 'holiday',
  working_day: 'working_day',
  workday: 'working_day',
  班: 'working_day',
};

const isIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid;

/** The year's table once every row was read, or the rows' problems plus the year's own (duplicates, both kinds). */
function finish(year: number, days: { kind: Kind; day: SharedDay; line: number; field: string }[], errors: HolidayImportError[]): HolidayImportResult {
  if (errors.length > 0) return { ok: false, errors };
  const table: SharedYear = { year, holidays: [], workingDays: [] };
  const lines: number[][] = [[], []];
  for (const { kind, day, line } of days) {
    (kind === 'holiday' ? table.holidays : table.workingDays).push(day);
    lines[kind === 'holiday' ? 0 : 1]!.push(line);
  }
  const problems = sharedYearProblems(table).map((problem): HolidayImportError => {
    const [list, index] = problem.path.split('.');
    return { line: lines[list === 'holidays' ? 0 : 1]![Number(index)] ?? 0, field: days[0]?.field ?? 'date', message: problem.message };
  });
  if (problems.length > 0) return { ok: false, errors: problems };
  const byDate = (a: SharedDay, b: SharedDay) => (a.date < b.date ? -1 : 1);
  return { ok: true, year: { year, holidays: table.holidays.sort(byDate), workingDays: table.workingDays.sort(byDate) } };
}

/**
 * `date,kind,name` with a header row, one day a row: `2027-10-01,holiday,国庆节`, `2027-09-26,working_day,国庆节`.
 * kind is holiday (or 休) or working_day (or workday, 班); name may be empty. Every date must be in `year`.
 */
export function parseHolidayCsv(text: string, year: number): HolidayImportResult {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, errors: [{ line: error.line, field: 'file', message: error.message }] };
    throw error;
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['date', 'kind'].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return { ok: false, errors: [{ line: 1, field: 'header', message: `the first row must name the columns date, kind and (optionally) name; missing ${missing.join(', ')}` }] };
  }
  const at = (record: string[], column: string) => {
    const index = header.indexOf(column);
    return index < 0 ? '' : (record[index] ?? '').trim();
  };
  const errors: HolidayImportError[] = [];
  const days: { kind: Kind; day: SharedDay; line: number; field: string }[] = [];
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    if (record.every((field) => field.trim() === '')) return;
    const date = at(record, 'date');
    const kindText = at(record, 'kind');
    const kind = kindWords[kindText.toLowerCase()];
    let bad = false;
    if (!isIsoDate(date)) {
      errors.push({ line, field: 'date', message: `expected a date such as ${year}-10-01, got ${JSON.stringify(date)}` });
      bad = true;
    } else if (!date.startsWith(`${year}-`)) {
      errors.push({ line, field: 'date', message: `${date} is not in ${year}` });
      bad = true;
    }
    if (kind === undefined) {
      errors.push({ line, field: 'kind', message: `expected holiday (休) or working_day (班), got ${JSON.stringify(kindText)}` });
      bad = true;
    }
    const name = at(record, 'name');
    if (name.length > 100) {
      errors.push({ line, field: 'name', message: 'at most 100 characters' });
      bad = true;
    }
    if (!bad && kind) days.push({ kind, day: { date, name: name === '' ? null : name }, line, field: 'date' });
  });
  if (days.length === 0 && errors.length === 0) return { ok: false, errors: [{ line: 1, field: 'file', message: 'the file has no days' }] };
  return finish(year, days, errors);
}

/** Physical lines joined where RFC 5545 folded them (a line starting with a space or tab continues the one before). */
function unfold(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, index) => {
      const last = lines.at(-1);
      if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
      else lines.push({ text: raw, line: index + 1 });
    });
  return lines;
}

const icsDate = (value: string): string | null => {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDate(iso) ? iso : null;
};

/** The kind from Apple's special-day property, or a (休)/(班)/(Holiday)/(Workday) mark in the summary or description. */
function icsKind(properties: Map<string, string>): Kind | undefined {
  const special = properties.get('X-APPLE-SPECIAL-DAY')?.toUpperCase();
  if (special === 'WORK-HOLIDAY') return 'holiday';
  if (special === 'ALTERNATE-WORKDAY') return 'working_day';
  for (const key of ['SUMMARY', 'DESCRIPTION']) {
    const value = properties.get(key) ?? '';
    const mark = /[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(value)?.[1] ?? value.trim();
    const kind = kindWords[mark.toLowerCase()];
    if (kind) return kind;
  }
  return undefined;
}

/** The name without its (休)/(班) mark: "国庆节(休)" → "国庆节". */
const icsName = (summary: string | undefined): string | null => {
  const name = (summary ?? '').replace(/[(（][^()（）]*[)）]\s*$/, '').replaceAll('\\,', ',').replaceAll('\\;', ';').trim();
  return name === '' ? null : name.slice(0, 100);
};

/**
 * All-day VEVENTs, as chinese-days publishes them (`SUMMARY:国庆节(休)`, `DTSTART;VALUE=DATE:20261001`,
 * `DTEND;VALUE=DATE:20261008`, end exclusive): each day of an event becomes a holiday or a working
 * day. Days outside `year` are refused, so a multi-year feed must be imported a year at a time —
 * unless `clip` keeps just the days of `year`.
 */
export function parseHolidayIcs(text: string, year: number, { clip = false } = {}): HolidayImportResult {
  const lines = unfold(text);
  if (!lines.some((l) => l.text.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    return { ok: false, errors: [{ line: 1, field: 'file', message: 'not an iCalendar file: no BEGIN:VCALENDAR' }] };
  }
  const errors: HolidayImportError[] = [];
  const days: { kind: Kind; day: SharedDay; line: number; field: string }[] = [];
  let event: { start: number; properties: Map<string, string>; lines: Map<string, number> } | null = null;
  for (const { text: content, line } of lines) {
    const upper = content.trim().toUpperCase();
    if (upper === 'BEGIN:VEVENT') {
      event = { start: line, properties: new Map(), lines: new Map() };
      continue;
    }
    if (!event) continue;
    if (upper === 'END:VEVENT') {
      const { properties } = event;
      const startText = properties.get('DTSTART');
      const start = startText === undefined ? null : icsDate(startText);
      const endText = properties.get('DTEND');
      const end = endText === undefined ? null : icsDate(endText);
      const kind = icsKind(properties);
      const startLine = event.lines.get('DTSTART') ?? event.start;
      if (start === null) errors.push({ line: startLine, field: 'DTSTART', message: `expected a date such as DTSTART;VALUE=DATE:${year}1001, got ${JSON.stringify(startText ?? '')}` });
      if (endText !== undefined && end === null) errors.push({ line: event.lines.get('DTEND') ?? event.start, field: 'DTEND', message: `expected a date, got ${JSON.stringify(endText)}` });
      if (kind === undefined) {
        errors.push({ line: event.lines.get('SUMMARY') ?? event.start, field: 'SUMMARY', message: 'cannot tell a day off from a working day: mark the summary (休) or (班)' });
      }
      if (start !== null && kind !== undefined && (endText === undefined || end !== null)) {
        const first = DateTime.fromISO(start);
        const last = end === null ? first : DateTime.fromISO(end).minus({ days: 1 });
        if (last < first) errors.push({ line: event.lines.get('DTEND') ?? event.start, field: 'DTEND', message: 'the event ends before it starts' });
        else if (last.diff(first, 'days').days > 60) errors.push({ line: event.lines.get('DTEND') ?? event.start, field: 'DTEND', message: 'an event of more than 60 days is no holiday' });
        else {
          for (let day = first; day <= last; day = day.plus({ days: 1 })) {
            const date = day.toISODate() ?? '';
            if (!date.startsWith(`${year}-`)) {
              if (!clip) errors.push({ line: startLine, field: 'DTSTART', message: `${date} is not in ${year}` });
              continue;
            }
            days.push({ kind, day: { date, name: icsName(properties.get('SUMMARY')) }, line: startLine, field: 'DTSTART' });
          }
        }
      }
      event = null;
      continue;
    }
    const colon = content.indexOf(':');
    if (colon < 0) continue;
    const name = (content.slice(0, colon).split(';')[0] ?? '').toUpperCase();
    if (!event.properties.has(name)) {
      event.properties.set(name, content.slice(colon + 1));
      event.lines.set(name, line);
    }
  }
  if (days.length === 0 && errors.length === 0) return { ok: false, errors: [{ line: 1, field: 'file', message: `the file has no all-day events in ${year}` }] };
  return finish(year, days, errors);
}
