import { z } from 'zod';
import { numberAsTyped } from '../shared/format';
import { durationUnits } from './duration-units';
import { WarningOffset, WarningThresholdPct, type PlanMilestone } from '../../../api/contract/plan';

/**
 * The at-risk rule as `WarningFields` hold it — an amount as typed (empty: at due time only) with
 * its unit, and a threshold as typed — checked by the contract's own rules. Numbers go on as typed
 * (a number when they read as one), so the contract names what is wrong with one that is not.
 */
export const warningFormFields = {
  warningOffset: z
    .object({ amount: z.string(), unit: z.enum(durationUnits) })
    .transform((offset) => (offset.amount.trim() === '' ? null : ({ amount: numberAsTyped(offset.amount), unit: offset.unit } as z.input<typeof WarningOffset>)))
    .pipe(WarningOffset.nullable()),
  warningThresholdPct: z.string().transform(numberAsTyped).pipe(WarningThresholdPct),
};

/** What the rule's inputs start as: at due time only, or the rule being edited. */
export function warningFormDefaults(rule?: Pick<PlanMilestone, 'warningOffset' | 'warningThresholdPct'> | null) {
  return {
    warningOffset: { amount: rule?.warningOffset ? String(rule.warningOffset.amount) : '', unit: rule?.warningOffset?.unit ?? ('business_days' as const) },
    warningThresholdPct: String(rule?.warningThresholdPct ?? 80),
  };
}
