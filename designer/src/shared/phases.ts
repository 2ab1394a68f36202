import { i18next } from '../i18n/i18n';
import type { LifecyclePhase } from '../../../workflows/sales-project-messages';

export type { LifecyclePhase };

/**
 * The lifecycle in order. The workflow module that lists the phases also defines Temporal
 * messages, which the browser must not load: the `Record` keeps this list in step with its type.
 */
const phases: Readonly<Record<LifecyclePhase, true>> = { planning: true, execution: true, monitoring: true, closing_review: true, closed: true };

export const phaseOrder = Object.keys(phases) as LifecyclePhase[];

/** The phase as people read it, in the page's language. */
export const phaseLabel = (phase: LifecyclePhase): string => i18next.t(`shared:phases.${phase}`);

/** The words of each phase, looked up when read (so in the page's language then), for screens that index by phase. */
export const phaseLabels: Readonly<Record<LifecyclePhase, string>> = Object.defineProperties(
  {} as Record<LifecyclePhase, string>,
  Object.fromEntries(phaseOrder.map((phase) => [phase, { get: () => phaseLabel(phase), enumerable: true }])),
);

export const isPhase = (value: unknown): value is LifecyclePhase => typeof value === 'string' && Object.hasOwn(phases, value);
