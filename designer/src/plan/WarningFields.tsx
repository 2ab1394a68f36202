import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../shared/Field';
import { Options } from '../shared/Options';
import { durationUnits, unitLabels } from './duration-units';

/** "Warn before due" (amount and unit) and the at-risk threshold, as milestones and splits ask them (see `warningFormFields`). */
export function WarningFields({
  offsetAmount,
  offsetUnit,
  threshold,
  errors,
  offsetHelp,
}: {
  offsetAmount: UseFormRegisterReturn;
  offsetUnit: UseFormRegisterReturn;
  threshold: UseFormRegisterReturn;
  errors: { warningOffset?: string | undefined; warningThresholdPct?: string | undefined };
  offsetHelp?: string;
}) {
  return (
    <>
      <Field label="Warn before due" optional help={offsetHelp} error={errors.warningOffset}>
        {(props) => (
          <div className="inline-pair">
            <input {...props} inputMode="decimal" {...offsetAmount} aria-label="Warning offset amount" />
            <select {...offsetUnit} aria-label="Warning offset unit">
              <Options items={durationUnits} labelOf={(u) => unitLabels[u]} />
            </select>
          </div>
        )}
      </Field>
      <Field label="At risk below (% of pro-rated target)" error={errors.warningThresholdPct}>
        {(props) => <input {...props} inputMode="decimal" {...threshold} />}
      </Field>
    </>
  );
}
