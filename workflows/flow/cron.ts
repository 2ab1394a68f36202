/**
 * A small check of five-field cron expressions (minute hour day-of-month month day-of-week), the
 * dialect Temporal schedules accept. It refuses what would never fire or would be misread; it does
 * not compute fire times (the scheduler does).
 */

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const fields: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of the month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // 7 is Sunday too, as in most cron dialects.
  { name: 'day of the week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

export const cronMacros = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly'] as const;

function parseValue(text: string, field: CronField): number | null {
  if (/^\d{1,2}$/.test(text)) {
    const value = Number(text);
    return value >= field.min && value <= field.max ? value : null;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index < 0) return null;
  // Month names count from 1, weekday names from 0 (Sunday).
  return field.min === 1 ? index + 1 : index;
}

function checkItem(item: string, field: CronField): string | null {
  const bad = `"${item}" is not a valid ${field.name} (allowed: ${field.min}–${field.max}).`;
  const [range, step, ...extra] = item.split('/');
  if (range === undefined || extra.length > 0) return bad;
  if (step !== undefined && !/^[1-9]\d{0,1}$/.test(step)) {
    return `The step "/${step}" in the ${field.name} must be a whole number from 1 to 99.`;
  }
  if (range === '*') return null;
  const [from, to, ...more] = range.split('-');
  if (from === undefined || more.length > 0) return bad;
  const start = parseValue(from, field);
  if (start === null) return bad;
  if (to === undefined) return null;
  const end = parseValue(to, field);
  if (end === null) return bad;
  if (end < start) return `The range "${range}" in the ${field.name} runs backwards.`;
  return null;
}

/** Returns a sentence saying what is wrong, or null when the expression is valid. */
export function checkCron(expression: string): string | null {
  const trimmed = expression.trim();
  if (trimmed.startsWith('@')) {
    return cronMacros.some((macro) => macro === trimmed)
      ? null
      : `"${trimmed}" is not a known shortcut; use one of ${cronMacros.join(', ')}.`;
  }
  const parts = trimmed.split(/\s+/);
  if (parts.length !== fields.length) {
    return 'A schedule needs five parts separated by spaces: minute, hour, day of the month, month and day of the week (for example "0 9 * * MON" is every Monday at 09:00).';
  }
  for (const [index, field] of fields.entries()) {
    const part = parts[index] ?? '';
    for (const item of part.split(',')) {
      const problem = checkItem(item, field);
      if (problem !== null) return problem;
    }
  }
  return null;
}
