import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { phaseLabels, phaseOrder, type LifecyclePhase } from '../shared/phases';

/** Where a step stands against the current one. */
const stateOf = (index: number, current: number) => (index < current ? 'done' : index === current ? 'current' : 'ahead');

/** planning → execution → monitoring → closing review → closed, with where the project is now. */
export function PhaseStepper({ phase }: { phase: LifecyclePhase }) {
  const { t } = useTranslation('projects');
  const current = phaseOrder.indexOf(phase);
  return (
    <ol className="stepper" aria-label={t('phases.label')} data-testid="phase-stepper">
      {phaseOrder.map((step, index) => {
        const state = stateOf(index, current);
        return (
          <li key={step} className={`stepper__step stepper__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper__dot" aria-hidden="true">
              {state === 'done' ? <Check size={13} /> : index + 1}
            </span>
            <span className="stepper__label">{phaseLabels[step]}</span>
            {state === 'done' && <span className="sr-only">{t('phases.done')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
