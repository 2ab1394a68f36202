import type { LifecyclePhase } from '../sales-project-messages';
import type { RetrospectiveStatus } from './project-states';

/**
 * What may happen to a project in each phase of its lifecycle — the one table the API's guards,
 * the lifecycle workflow's update validators and the web app read. Who may do it is a separate
 * question (api/access); this only says whether the phase lets anybody.
 */
export const phaseActions = ['editPlan', 'editBasics', 'submitPlan', 'requestChange', 'reportKpi', 'workTasks', 'bookSpending', 'close'] as const;
export type PhaseAction = (typeof phaseActions)[number];

/** Why an action is refused: the error code the API answers with (409) and the sentence it says. */
export interface PhaseRefusal {
  code: 'plan_locked' | 'wrong_phase' | 'results_frozen';
  reason: (phase: LifecyclePhase) => string;
  /** The sentence's key in the `errors` catalog (`phase.<key>`), and whether it names the phase in words or by its id. */
  key: PhaseRefusalKey;
  names: 'words' | 'id';
}
export type PhaseRefusalKey = 'planLocked' | 'submitOnlyInPlanning' | 'changesOnlyInExecution' | 'resultsFrozen' | 'basicsFrozen' | 'alreadyClosing';

export type PhaseVerdict = { allowed: true } | { allowed: false; code: PhaseRefusal['code']; reason: string; key: PhaseRefusalKey; names: PhaseRefusal['names'] };

const words = (phase: LifecyclePhase) => phase.replace('_', ' ');

const planLocked: PhaseRefusal = {
  code: 'plan_locked',
  reason: (phase) => `The plan can only be edited in planning; request a change instead (the project is in ${words(phase)}).`,
  key: 'planLocked',
  names: 'words',
};
const submitOnlyInPlanning: PhaseRefusal = { code: 'wrong_phase', reason: (phase) => `The plan can only be submitted in planning; the project is in ${phase}.`, key: 'submitOnlyInPlanning', names: 'id' };
const changesOnlyInExecution: PhaseRefusal = { code: 'wrong_phase', reason: (phase) => `Change requests are for projects in execution; this one is in ${phase}.`, key: 'changesOnlyInExecution', names: 'id' };
const resultsFrozen: PhaseRefusal = { code: 'results_frozen', reason: (phase) => `The project is in ${words(phase)}; its results are frozen and no KPI reports can be added.`, key: 'resultsFrozen', names: 'words' };
const basicsFrozen: PhaseRefusal = { code: 'results_frozen', reason: (phase) => `The project is in ${words(phase)}; its basics no longer change.`, key: 'basicsFrozen', names: 'words' };
const alreadyClosing: PhaseRefusal = { code: 'wrong_phase', reason: (phase) => `The project is already ${words(phase)}.`, key: 'alreadyClosing', names: 'words' };

const ok = true as const;

/**
 * Phase × action: `true` where the phase allows it, else the refusal. Plan items (goals, milestones,
 * budget plans, risks' assessment, the target split) change only in planning; afterwards they
 * change through change requests, in execution. Figures count until the closing review freezes
 * them. Tasks and booked spending are day-to-day work and change in every phase.
 */
export const phaseRules = {
  editPlan: { planning: ok, execution: planLocked, monitoring: planLocked, closing_review: planLocked, closed: planLocked },
  // A running project's basics (name, owner, calendar…): at once, or as change requests for the timer-moving ones.
  editBasics: { planning: ok, execution: ok, monitoring: ok, closing_review: basicsFrozen, closed: basicsFrozen },
  submitPlan: { planning: ok, execution: submitOnlyInPlanning, monitoring: submitOnlyInPlanning, closing_review: submitOnlyInPlanning, closed: submitOnlyInPlanning },
  requestChange: { planning: changesOnlyInExecution, execution: ok, monitoring: changesOnlyInExecution, closing_review: changesOnlyInExecution, closed: changesOnlyInExecution },
  reportKpi: { planning: ok, execution: ok, monitoring: ok, closing_review: resultsFrozen, closed: resultsFrozen },
  workTasks: { planning: ok, execution: ok, monitoring: ok, closing_review: ok, closed: ok },
  bookSpending: { planning: ok, execution: ok, monitoring: ok, closing_review: ok, closed: ok },
  close: { planning: ok, execution: ok, monitoring: ok, closing_review: alreadyClosing, closed: alreadyClosing },
} as const satisfies Record<PhaseAction, Record<LifecyclePhase, true | PhaseRefusal>>;

/** Whether `phase` lets `action` happen, and if not, why. */
export function phaseAllows(action: PhaseAction, phase: LifecyclePhase): PhaseVerdict {
  const rule: true | PhaseRefusal = phaseRules[action][phase];
  return rule === true ? { allowed: true } : { allowed: false, code: rule.code, reason: rule.reason(phase), key: rule.key, names: rule.names };
}

/**
 * The closing review has its own state: answers and the final word are taken while it collects,
 * and never once it is final (its project may still be in closing review for a moment after).
 */
export const reviewActions = ['answerReview', 'finalizeReview'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export const reviewRules = {
  answerReview: { collecting: ok, finalized: 'The closing review is final; answers are no longer taken.' },
  finalizeReview: { collecting: ok, finalized: 'The closing review is already final.' },
} as const satisfies Record<ReviewAction, Record<RetrospectiveStatus, true | string>>;

export function reviewAllows(action: ReviewAction, status: RetrospectiveStatus): { allowed: true } | { allowed: false; code: 'finalized'; reason: string } {
  const rule: true | string = reviewRules[action][status];
  return rule === true ? { allowed: true } : { allowed: false, code: 'finalized', reason: rule };
}
