import { businessDurationUnits, plainDurationUnits } from '../../../workflows/domain/duration';

/** Every unit a warning offset can be given in, business time first. */
export const durationUnits = [...businessDurationUnits, ...plainDurationUnits];

export const unitLabels: Readonly<Record<(typeof durationUnits)[number], string>> = {
  business_hours: 'business hours',
  business_days: 'business days',
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
  weeks: 'weeks',
  months: 'months',
};

export const unitLabel = (unit: string): string => (Object.hasOwn(unitLabels, unit) ? unitLabels[unit as keyof typeof unitLabels] : unit);
