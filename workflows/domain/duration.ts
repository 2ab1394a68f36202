import { z } from 'zod';

export const businessDurationUnits = ['business_hours', 'business_days'] as const;
export const plainDurationUnits = ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months'] as const;
export type BusinessDurationUnit = (typeof businessDurationUnits)[number];
export type PlainDurationUnit = (typeof plainDurationUnits)[number];

/** Units that follow the calendar (a day is 23 or 25 hours across a DST switch) take whole numbers. */
const wholeUnits: readonly PlainDurationUnit[] = ['days', 'weeks', 'months'];
export const isWholeUnit = (unit: PlainDurationUnit): boolean => wholeUnits.includes(unit);

const amountSchema = z
  .number({ error: 'the amount must be a number' })
  .nonnegative({ error: 'the amount cannot be negative; subtract instead' });

/** Working time: "2 business days" skips nights, weekends and holidays of a business calendar. */
export const businessDurationSchema = z.strictObject({
  amount: amountSchema,
  unit: z.enum(businessDurationUnits, { error: "expected 'business_hours' or 'business_days'" }),
});
export type BusinessDuration = z.output<typeof businessDurationSchema>;

/** Elapsed or wall-clock time: hours and shorter are elapsed, days and longer keep the local time. */
export const plainDurationSchema = z
  .strictObject({
    amount: amountSchema,
    unit: z.enum(plainDurationUnits, { error: `expected one of ${plainDurationUnits.join(', ')}` }),
  })
  .refine((duration) => !isWholeUnit(duration.unit) || Number.isInteger(duration.amount), {
    error: 'days, weeks and months must be whole numbers',
    path: ['amount'],
  });
export type PlainDuration = z.output<typeof plainDurationSchema>;

/** Any offset a milestone warning or an escalation timeout can be given in. */
export const calendarDurationSchema = z.union([businessDurationSchema, plainDurationSchema], {
  error: `expected { amount, unit } with unit one of ${[...businessDurationUnits, ...plainDurationUnits].join(', ')}`,
});
export type CalendarDuration = z.output<typeof calendarDurationSchema>;

export const isBusinessDuration = (duration: CalendarDuration): duration is BusinessDuration =>
  (businessDurationUnits as readonly string[]).includes(duration.unit);
