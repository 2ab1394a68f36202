import { Cron } from 'croner';

/**
 * Cron expressions of schedule triggers, read by croner. Only the dialect that croner and Temporal
 * schedules read the same way is accepted: five fields (minute hour day-of-month month
 * day-of-week) of numbers, names, `*`, ranges, lists and steps, or one of the shortcuts below.
 * Croner's extras (seconds, L, W, #, ?) and a day of the month combined with a day of the week
 * (OR in classic cron, AND in some schedulers) are refused, so the next runs shown are the ones
 * Temporal fires.
 */

export const cronMacros = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@hourly': '0 * * * *',
} as const;

const fieldNames = ['minute', 'hour', 'day of the month', 'month', 'day of the week'] as const;

/** Where "never fires" is looked for from; any fixed instant will do, the clock is not read. */
const REFERENCE = '2026-01-01T00:00:00Z';
const MINUTE_MS = 60_000;

/** The five-field form of an expression (shortcuts expanded); the expression itself when it is not one. */
export function normalizeCron(expression: string): string {
  const trimmed = expression.trim();
  return Object.hasOwn(cronMacros, trimmed) ? cronMacros[trimmed as keyof typeof cronMacros] : trimmed.split(/\s+/).join(' ');
}

function shapeProblem(parts: readonly string[]): string | null {
  if (parts.length > 5) {
    return 'A schedule fires at most once a minute: use five parts (minute, hour, day of the month, month, day of the week), no seconds or years.';
  }
  if (parts.length !== 5) {
    return 'A schedule needs five parts separated by spaces: minute, hour, day of the month, month and day of the week (for example "0 9 * * MON" is every Monday at 09:00).';
  }
  for (const [index, part] of parts.entries()) {
    const name = fieldNames[index] ?? 'field';
    if (/[?#]/.test(part)) return `"${part}" in the ${name}: "?" and "#" are not supported; use numbers, names, *, ranges (1-5), lists (1,3) and steps (*/15).`;
    const words = part.match(/[A-Za-z]+/g) ?? [];
    const namesAllowed = index >= 3;
    for (const word of words) {
      if (!namesAllowed || word.length !== 3) {
        return `"${part}" in the ${name}: "${word}" is not supported; use numbers${namesAllowed ? ' or three-letter names (MON, JAN)' : ''}, *, ranges, lists and steps.`;
      }
    }
  }
  const dayOfMonth = parts[2];
  const dayOfWeek = parts[4];
  if (dayOfMonth !== '*' && dayOfWeek !== '*') {
    return 'Give either a day of the month or a day of the week, not both (schedulers disagree on whether both or either must match); put * in the other.';
  }
  return null;
}

function parse(expression: string, timeZone?: string): Cron | string {
  const normalized = normalizeCron(expression);
  if (normalized.startsWith('@')) {
    return `"${normalized}" is not a known shortcut; use one of ${Object.keys(cronMacros).join(', ')}.`;
  }
  const problem = shapeProblem(normalized.split(' '));
  if (problem !== null) return problem;
  try {
    return new Cron(normalized, { paused: true, mode: '5-part', ...(timeZone ? { timezone: timeZone } : {}) });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^CronPattern:\s*/, '').replace(/\.$/, '');
    return `"${normalized}" is not a valid schedule: ${reason}.`;
  }
}

/**
 * Returns a sentence saying what is wrong, or null when the expression is valid: it must parse,
 * fire at all, and not more often than once a minute.
 */
export function checkCron(expression: string): string | null {
  const cron = parse(expression);
  if (typeof cron === 'string') return cron;
  const runs = cron.nextRuns(2, REFERENCE);
  if (runs.length === 0) return `"${normalizeCron(expression)}" never fires (no date matches it); check the day and month.`;
  const [first, second] = runs;
  if (first && second && second.getTime() - first.getTime() < MINUTE_MS) return 'A schedule fires at most once a minute.';
  return null;
}

/** The next `count` fire times after `after`, in `timeZone`; empty for an invalid expression. */
export function nextCronRuns(expression: string, timeZone: string, after: Date, count = 5): Date[] {
  const cron = parse(expression, timeZone);
  return typeof cron === 'string' ? [] : cron.nextRuns(count, after);
}
