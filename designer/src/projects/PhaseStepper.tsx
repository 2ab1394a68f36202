import { Check } from 'lucide-react';
import { phaseLabels, phaseOrder, type LifecyclePhase } from '../shared/phases';

/** planning → execution → monitoring → closing review → closed, with where the project is now. */
export function PhaseStepper({ phase }: { phase: LifecyclePhase }) {
  const current = phaseOrder.indexOf(phase);
  return (
    <ol className="stepper" aria-label="Project phase" data-testid="phase-stepper">
      {phaseOrder.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'ahead';
        return (
          <li key={step} className={`stepper__step stepper__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper__dot" aria-hidden="true">
              {state === 'done' ? <Check size={13} /> : index + 1}
            </span>
            <span className="stepper__label">{phaseLabels[step]}</span>
            {state === 'done' && <span className="sr-only"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}
