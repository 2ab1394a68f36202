import { calendarOrDefault } from './milestone-schedule';
import type { ChangeRequestField } from './plan-item-states';

const weekdays = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A business calendar in one line: "Mon Tue Wed Thu Fri 09:00–18:00 Asia/Shanghai, 2 holidays, with cn-mainland". */
export function calendarText(stored: unknown): string {
  const calendar = calendarOrDefault(stored);
  const days = [...calendar.workingDays].sort((a, b) => a - b).map((day) => weekdays[day]).join(' ');
  const parts = [`${days} ${calendar.workStart}–${calendar.workEnd} ${calendar.timeZone}`];
  if (calendar.holidays.length > 0) parts.push(`${calendar.holidays.length} holiday${calendar.holidays.length === 1 ? '' : 's'}`);
  if (calendar.extraWorkingDays.length > 0) parts.push(`${calendar.extraWorkingDays.length} extra working day${calendar.extraWorkingDays.length === 1 ? '' : 's'}`);
  if (calendar.holidaysFrom) parts.push(`with ${calendar.holidaysFrom}`);
  return parts.join(', ');
}

/**
 * A change request's before or after value as people read it (in messages, flow texts, the
 * closing review): a calendar in one line, days with their unit, targets and dates as stored.
 */
export function changeValueText(field: ChangeRequestField, value: unknown): string {
  if (field === 'calendar') return calendarText(value);
  if (field === 'review_every_days' || field === 'monitoring_days') return `${String(value)} days`;
  if (field === 'allocation') return allocationText(value);
  return String(value);
}

/** A goal's allocation among members in one line: "3 shares by weight (1, 1, 2), by month". */
export function allocationText(stored: unknown): string {
  const allocation = (stored ?? {}) as { granularity?: string; shares?: { weight?: number | null; amount?: string | null }[] };
  const shares = allocation.shares ?? [];
  if (shares.length === 0) return 'nobody holds a share';
  const byWeight = shares.every((share) => share.weight !== undefined && share.weight !== null);
  const parts = shares.map((share) => String(byWeight ? share.weight : share.amount));
  return `${shares.length} share${shares.length === 1 ? '' : 's'} by ${byWeight ? 'weight' : 'amount'} (${parts.join(', ')}), by ${allocation.granularity ?? 'quarter'}`;
}
