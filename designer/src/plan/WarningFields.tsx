import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../shared/Field';
import { Options } from '../shared/Options';
import { durationUnits, unitLabel } from './duration-units';

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
  const { t } = useTranslation('plan');
  return (
    <>
      <Field label={t('warning.warnBeforeDue')} optional help={offsetHelp} error={errors.warningOffset}>
        {(props) => (
          <div className="inline-pair">
            <input {...props} inputMode="decimal" {...offsetAmount} aria-label={t('warning.offsetAmount')} />
            <select {...offsetUnit} aria-label={t('warning.offsetUnit')}>
              <Options items={durationUnits} labelOf={(u) => unitLabel(t, u)} />
            </select>
          </div>
        )}
      </Field>
      <Field label={t('warning.threshold')} error={errors.warningThresholdPct}>
        {(props) => <input {...props} inputMode="decimal" {...threshold} />}
      </Field>
    </>
  );
}
