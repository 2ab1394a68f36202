import type { LifecyclePhase } from '../../../workflows/sales-project-messages';

export type { LifecyclePhase };

/**
 * The lifecycle in order, with the words people read. The workflow module that lists the phases
 * also defines Temporal messages, which the browser must not load: the type keeps this in step.
 */
export const phaseLabels: Readonly<Record<LifecyclePhase, string>> = {
  planning: 'Planning',
  execution: 'Execution',
  monitoring: 'Monitoring',
  closing_review: 'Closing review',
  closed: 'Closed',
};

export const phaseOrder = Object.keys(phaseLabels) as LifecyclePhase[];

export const isPhase = (value: unknown): value is LifecyclePhase => typeof value === 'string' && Object.hasOwn(phaseLabels, value);
