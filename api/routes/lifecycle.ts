import { resolveCalendar } from '../../db/queries/calendars';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { insertChangeRequest, listChangeRequests } from '../../db/queries/change-requests';
import type { ChangeRequest as ChangeRequestRow } from '../../db/schema';
import { milestoneCheckTimes } from '../../workflows/domain/milestone-schedule';
import { closeProjectUpdate, requestChangeUpdate, submitPlanUpdate } from '../../workflows/sales-project-messages';
import { salesProjectWorkflowId } from '../../workflows/task-queue';
import { requireProjectAccess } from '../access/project-access';
import { requirePhase, requireProjectAction } from '../access/project-actions';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { ApiError, invalidFields } from '../errors';
import { createRouter } from '../router';
import { ChangeRequest, ChangeRequestBody } from '../contract/lifecycle';
import type { z } from '@hono/zod-openapi';
import type { UpdateDefinition } from '@temporalio/common';
import * as routes from '../contract/routes/lifecycle';
import { deleteChangeRequest } from '../../db/queries/change-requests';
import { findGoal } from '../../db/queries/goals';
import { findProjectMilestone } from '../../db/queries/plan';
import { getProject } from '../../db/queries/projects';

/** Sends a lifecycle update; the workflow's refusal (wrong phase…) becomes a 409 with its reason. */
async function sendUpdate<Ret, Args extends [unknown, ...unknown[]]>(client: Client, projectId: string, update: UpdateDefinition<Ret, Args>, ...args: Args): Promise<Ret> {
  try {
    return await client.workflow.getHandle(salesProjectWorkflowId(projectId)).executeUpdate(update, { args });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw new ApiError(409, 'wrong_phase', error.cause?.message ?? error.message);
    if (error instanceof WorkflowNotFoundError) throw new ApiError(409, 'closed', 'The project’s lifecycle has ended; it is closed.');
    throw error;
  }
}

/** The project row; call after the access check, which answers 404 for a project that does not exist. */
async function loadProject(db: Db, id: string) {
  return getProject(db, id);
}

type Moves = z.infer<typeof ChangeRequest>['moves'];

const changeRequestDto = (row: ChangeRequestRow, moves: Moves = []): z.infer<typeof ChangeRequest> => ({
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
});

/** Which pending checks a change would move, and to when: shown before anyone approves it. */
/**
 * What each command to the lifecycle checks first: the person's access, then the phase as read
 * now. The workflow's update validator checks the phase again when it takes the command.
 */
async function requireCommand(db: Db, principal: Principal, projectId: string, action: 'submitPlan' | 'close' | 'requestChange', doing: string) {
  await requireProjectAction(db, principal, projectId, action, doing);
  requirePhase(action, await loadProject(db, projectId));
}

async function previewMoves(db: Db, projectId: string, body: z.infer<typeof ChangeRequestBody>): Promise<Moves> {
  if (body.subjectKind !== 'milestone' || body.field !== 'due_at') return [];
  const project = await loadProject(db, projectId);
  const milestone = await findProjectMilestone(db, projectId, body.subjectId);
  if (!milestone) throw invalidFields([{ path: 'subjectId', message: 'no milestone with this id in this project' }]);
  if (milestone.status !== 'pending') throw invalidFields([{ path: 'subjectId', message: `the milestone was already checked (${milestone.status}); its date cannot move` }]);
  const calendar = await resolveCalendar(db, project.calendar);
  const times = (dueAt: Date) =>
    milestoneCheckTimes({ dueAt, periodEnd: project.periodEnd, monitoringDays: Number(project.monitoringDays), warningOffset: milestone.warningOffset, calendar });
  const before = times(milestone.dueAt);
  const after = times(new Date(body.after));
  const moves: Moves = [];
  if (milestone.warnedAt === null && (before.warnAt || after.warnAt)) {
    moves.push({ milestoneId: milestone.id, milestoneName: milestone.name, kind: 'warning', from: before.warnAt?.toISOString() ?? null, to: after.warnAt?.toISOString() ?? null });
  }
  moves.push({ milestoneId: milestone.id, milestoneName: milestone.name, kind: 'due', from: before.checkAt.toISOString(), to: after.checkAt.toISOString() });
  return moves;
}

async function currentValue(db: Db, projectId: string, body: z.infer<typeof ChangeRequestBody>): Promise<string> {
  if (body.subjectKind === 'goal') {
    const goal = await findGoal(db, projectId, body.subjectId);
    if (!goal) throw invalidFields([{ path: 'subjectId', message: 'no goal with this id in this project' }]);
    return String(goal.target);
  }
  const milestone = await findProjectMilestone(db, projectId, body.subjectId);
  if (!milestone) throw invalidFields([{ path: 'subjectId', message: 'no milestone with this id in this project' }]);
  if (milestone.status !== 'pending') throw invalidFields([{ path: 'subjectId', message: `the milestone was already checked (${milestone.status})` }]);
  return body.field === 'due_at' ? milestone.dueAt.toISOString() : String(milestone.targetValue);
}

export function lifecycleRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      routes.submitPlan,
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = c.get('principal');
        await requireCommand(db, principal, id, 'submitPlan', 'submit its plan');
        await sendUpdate(temporal.client, id, submitPlanUpdate, { userId: principal.userId });
        return c.json({ submittedBy: principal.userId }, 202);
      },
    )
    .openapi(
      routes.closeProject,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        await requireCommand(db, principal, id, 'close', 'close it');
        await sendUpdate(temporal.client, id, closeProjectUpdate, { outcome: body.outcome, userId: principal.userId });
        return c.json(body, 200);
      },
    )
    .openapi(
      routes.listChangeRequests,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        return c.json((await listChangeRequests(db, id)).map((row) => changeRequestDto(row)), 200);
      },
    )
    .openapi(
      routes.previewChange,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        await currentValue(db, id, body);
        return c.json(await previewMoves(db, id, body), 200);
      },
    )
    .openapi(
      routes.requestChange,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        await requireCommand(db, principal, id, 'requestChange', 'request changes to its plan');
        const before = await currentValue(db, id, body);
        const moves = await previewMoves(db, id, body);
        const created = await insertChangeRequest(db, {
          projectId: id,
          subjectKind: body.subjectKind,
          subjectId: body.subjectId,
          field: body.field,
          before,
          after: body.after,
          reason: body.reason,
          requestedBy: principal.userId,
        });
        // Committed first, so the workflow's activities can read it; taken back if the workflow refuses.
        try {
          await sendUpdate(temporal.client, id, requestChangeUpdate, { changeRequestId: created.id });
        } catch (error) {
          await deleteChangeRequest(db, created.id);
          throw error;
        }
        return c.json(changeRequestDto(created, moves), 201);
      },
    );
}
