import { Field } from '../shared/Field';
import { Options } from '../shared/Options';
import { durationUnits, unitLabels } from './duration-units';

type Text = [value: string, set: (value: string) => void];

/** "Warn before due" (amount and unit) and the at-risk threshold, as milestones and splits ask them. */
export function WarningFields({
  offsetAmount: [offsetAmount, setOffsetAmount],
  offsetUnit: [offsetUnit, setOffsetUnit],
  threshold: [threshold, setThreshold],
  errors,
  offsetHelp,
}: {
  offsetAmount: Text;
  offsetUnit: Text;
  threshold: Text;
  errors: { warningOffset?: string | undefined; warningThresholdPct?: string | undefined };
  offsetHelp?: string;
}) {
  return (
    <>
      <Field label="Warn before due" optional help={offsetHelp} error={errors.warningOffset}>
        {(props) => (
          <div className="inline-pair">
            <input {...props} inputMode="decimal" value={offsetAmount} onChange={(event) => setOffsetAmount(event.target.value)} aria-label="Warning offset amount" />
            <select value={offsetUnit} onChange={(event) => setOffsetUnit(event.target.value)} aria-label="Warning offset unit">
              <Options items={durationUnits} labelOf={(u) => unitLabels[u]} />
            </select>
          </div>
        )}
      </Field>
      <Field label="At risk below (% of pro-rated target)" error={errors.warningThresholdPct}>
        {(props) => <input {...props} inputMode="decimal" value={threshold} onChange={(event) => setThreshold(event.target.value)} />}
      </Field>
    </>
  );
}
