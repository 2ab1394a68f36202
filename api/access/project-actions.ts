import type { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import type { AccessRole, RetrospectiveStatus } from '../../workflows/domain';
import { phaseAllows, reviewAllows, type PhaseAction, type ReviewAction } from '../../workflows/domain/phase-rules';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';
import type { Principal } from '../auth/principal';
import type { ProjectCan } from '../contract/can';
import { ApiError, said } from '../errors';
import type { DoingText } from '../said';
import { accessIncludes, requireProjectAccess, type ProjectAccess } from './project-access';

/**
 * Each thing a person may do with a project: the access it needs (api/access/project-access),
 * the roles it is further narrowed to, and the phase or review rule it obeys
 * (workflows/domain/phase-rules). The route guards and the `can` object of the project's DTO both
 * read this table, so what the page offers is what the routes allow.
 */
export const projectActions = {
  editPlan: { need: 'plan', phase: 'editPlan' },
  editBasics: { need: 'plan', phase: 'editBasics' },
  submitPlan: { need: 'plan', phase: 'submitPlan' },
  requestChange: { need: 'plan', phase: 'requestChange' },
  reportKpi: { need: 'work', phase: 'reportKpi' },
  editTasks: { need: 'work', phase: 'workTasks' },
  bookSpending: { need: 'plan', phase: 'bookSpending' },
  close: { need: 'plan', phase: 'close' },
  editMembers: { need: 'plan' },
  answerReview: { need: 'work', review: 'answerReview' },
  finalizeReview: { need: 'plan', review: 'finalizeReview' },
  // A project's history is for its managers; its owner (a member by role) does not read it.
  readHistory: { need: 'plan', roles: ['admin', 'manager'] },
} as const satisfies Record<keyof z.infer<typeof ProjectCan>, ActionRule>;

interface ActionRule {
  need: ProjectAccess;
  roles?: readonly AccessRole[];
  phase?: PhaseAction;
  review?: ReviewAction;
}

export type ProjectAction = keyof typeof projectActions;

/** Where a project stands: its phase, and its closing review's state once it has one. */
export interface ProjectState {
  phase: LifecyclePhase;
  reviewStatus: RetrospectiveStatus | null;
}

/** Whether somebody's access and role let them do `action`, whatever the project's phase. */
export function accessMay(principal: Pick<Principal, 'role'>, access: ProjectAccess | undefined, action: ProjectAction): boolean {
  const rule: ActionRule = projectActions[action];
  return access !== undefined && accessIncludes(access, rule.need) && (rule.roles === undefined || rule.roles.includes(principal.role));
}

/** Whether somebody with `access` to a project in `state` may do `action` (the routes ask the same). */
export function mayDo(principal: Pick<Principal, 'role'>, access: ProjectAccess | undefined, action: ProjectAction, state: ProjectState): boolean {
  const rule: ActionRule = projectActions[action];
  if (!accessMay(principal, access, action)) return false;
  if (rule.phase && !phaseAllows(rule.phase, state.phase).allowed) return false;
  if (rule.review && (state.reviewStatus === null || !reviewAllows(rule.review, state.reviewStatus).allowed)) return false;
  return true;
}

/** The `can` object of a project's DTO. */
export function projectCan(principal: Pick<Principal, 'role'>, access: ProjectAccess | undefined, state: ProjectState): z.infer<typeof ProjectCan> {
  const can = {} as Record<ProjectAction, boolean>;
  for (const action of Object.keys(projectActions) as ProjectAction[]) can[action] = mayDo(principal, access, action, state);
  return can;
}

/** The access `action` needs, or the 404/403 (see requireProjectAccess); phases are checked where the project is locked. */
export function requireProjectAction(db: Db, principal: Principal, projectId: string, action: ProjectAction, doing?: DoingText, hidden?: Parameters<typeof requireProjectAccess>[5]) {
  return requireProjectAccess(db, principal, projectId, projectActions[action].need, doing, hidden);
}

/** 409 with the phase table's reason when the project's phase does not allow `action`. */
export function requirePhase(action: PhaseAction, project: { phase: LifecyclePhase }): void {
  const verdict = phaseAllows(action, project.phase);
  if (!verdict.allowed) {
    const phase = said(verdict.names === 'words' ? `phaseWords.${project.phase}` : `phaseIds.${project.phase}`);
    throw new ApiError(409, verdict.code, said(`phase.${verdict.key}`, { phase }));
  }
}

/** 409 with the review rule's reason when the closing review no longer takes `action`. */
export function requireReviewOpen(action: ReviewAction, review: { status: RetrospectiveStatus }): void {
  const verdict = reviewAllows(action, review.status);
  if (!verdict.allowed) throw new ApiError(409, verdict.code, said(action === 'answerReview' ? 'phase.reviewFinal' : 'phase.reviewAlreadyFinal'));
}
