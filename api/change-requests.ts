import type { z } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import { deleteChangeRequest, insertChangeRequest } from '../db/queries/change-requests';
import { findGoal } from '../db/queries/goals';
import { findProjectMilestone } from '../db/queries/plan';
import { getProject } from '../db/queries/projects';
import type { ChangeRequest as ChangeRequestRow, ChangeRequestValue } from '../db/schema';
import { requestChangeUpdate } from '../workflows/sales-project-messages';
import type { Principal } from './auth/principal';
import type { ChangeRequest, ChangeRequestBody, CheckMove } from './contract/lifecycle';
import { fieldDetail, invalidFields } from './errors';
import { sendUpdate } from './lifecycle';
import { dueDateMoves, projectTimerMoves } from './timer-moves';
import { allocationBefore, reallocationPreview } from './reallocation';
import { milestoneTakesChanges } from '../workflows/domain/project-states';

type Body = z.infer<typeof ChangeRequestBody>;

export const changeRequestDto = (row: ChangeRequestRow, moves: CheckMove[] = [], reallocation?: ChangeRequest['reallocation']): ChangeRequest => ({
  id: row.id,
  subjectKind: row.subjectKind,
  subjectId: row.subjectId,
  field: row.field,
  before: row.before,
  after: row.after,
  reason: row.reason,
  requestedBy: row.requestedBy,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  moves,
  ...(reallocation ? { reallocation } : {}),
});

const notThisProject = () => invalidFields([fieldDetail('subjectId', 'field.notThisProject')]);

/** The value a change would replace; 400 naming `subjectId` when the subject is not this project's, or already checked. */
export async function currentValue(db: Db, projectId: string, body: Body): Promise<ChangeRequestValue> {
  if (body.subjectKind === 'project') {
    if (body.subjectId !== projectId) throw notThisProject();
    const project = await getProject(db, projectId);
    if (body.field === 'calendar') return project.calendar;
    return Number(body.field === 'review_every_days' ? project.reviewEveryDays : project.monitoringDays);
  }
  if (body.field === 'allocation') return allocationBefore(db, projectId, body.subjectId, body.after);
  if (body.subjectKind === 'goal') {
    const goal = await findGoal(db, projectId, body.subjectId);
    if (!goal) throw invalidFields([fieldDetail('subjectId', 'field.goalNotInProject')]);
    return String(goal.target);
  }
  const milestone = await findProjectMilestone(db, projectId, body.subjectId);
  if (!milestone) throw invalidFields([fieldDetail('subjectId', 'field.milestoneNotInProject')]);
  if (!milestoneTakesChanges(milestone.status)) throw invalidFields([{ path: 'subjectId', message: `the milestone was already checked (${milestone.status})` }]);
  return body.field === 'due_at' ? milestone.dueAt.toISOString() : String(milestone.targetValue);
}

/** Which timers a change would move, and to when: shown before anyone approves it. Call after `currentValue`. */
export async function previewMoves(db: Db, client: Client, projectId: string, body: Body): Promise<CheckMove[]> {
  if (body.subjectKind === 'project') return projectTimerMoves(db, client, await getProject(db, projectId), body.field, body.after);
  if (body.field === 'allocation') return (await reallocationPreview(db, projectId, body.subjectId, body.after)).moves;
  if (body.field !== 'due_at') return [];
  const milestone = (await findProjectMilestone(db, projectId, body.subjectId))!;
  return dueDateMoves(db, await getProject(db, projectId), milestone, new Date(body.after));
}

/**
 * Records a change request and hands it to the lifecycle, whose "change requested" flow decides.
 * The row is committed first, so the workflow's activities can read it, and taken back if the
 * workflow refuses (wrong phase).
 */
export async function requestChange(db: Db, client: Client, principal: Principal, projectId: string, body: Body): Promise<ChangeRequest> {
  const before = await currentValue(db, projectId, body);
  const preview = body.field === 'allocation' ? await reallocationPreview(db, projectId, body.subjectId, body.after) : null;
  const moves = preview ? preview.moves : await previewMoves(db, client, projectId, body);
  const created = await insertChangeRequest(db, {
    projectId,
    subjectKind: body.subjectKind,
    subjectId: body.subjectId,
    field: body.field,
    before,
    after: body.after,
    reason: body.reason,
    requestedBy: principal.userId,
  });
  try {
    await sendUpdate(client, projectId, requestChangeUpdate, { changeRequestId: created.id });
  } catch (error) {
    await deleteChangeRequest(db, created.id);
    throw error;
  }
  return changeRequestDto(created, moves, preview?.reallocation);
}
