import type { z } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import { getProject, updateProjectBasics } from '../db/queries/projects';
import type { SalesProject } from '../db/schema';
import { requirePhase } from './access/project-actions';
import { requireMayCreateProjectFor } from './access/project-creation';
import type { Principal } from './auth/principal';
import { requestChange } from './change-requests';
import type { ChangeRequest, ChangeRequestBody } from './contract/lifecycle';
import type { ProjectBasicsBody, ProjectBasicsChanged } from './contract/project-basics';
import type { ProjectBasics } from './contract/projects';
import { fieldDetail, invalidFields } from './errors';
import { calendarOf, inProject, requireTeam, requireUsers } from './plan-guard';

type Body = z.infer<typeof ProjectBasicsBody>;

export const basicsDto = (project: SalesProject): ProjectBasics => ({
  name: project.name,
  description: project.description,
  ownerId: project.ownerId,
  teamId: project.teamId,
  calendar: calendarOf(project),
  reviewEveryDays: Number(project.reviewEveryDays),
  monitoringDays: Number(project.monitoringDays),
});

/** A change request of the project's own timers, before its reason is added. */
type ProjectChange = Extract<z.infer<typeof ChangeRequestBody>, { subjectKind: 'project' }>;
type TimerChange = ProjectChange extends infer Change ? (Change extends unknown ? Omit<Change, 'reason'> : never) : never;

/** The timer-moving fields the body really changes, as change requests of the project. */
function timerChanges(project: SalesProject, body: Body): TimerChange[] {
  const now = basicsDto(project);
  const subject = { subjectKind: 'project', subjectId: project.id } as const;
  const changes: TimerChange[] = [];
  if (body.calendar !== undefined && JSON.stringify(body.calendar) !== JSON.stringify(now.calendar)) changes.push({ ...subject, field: 'calendar', after: body.calendar });
  if (body.reviewEveryDays !== undefined && body.reviewEveryDays !== now.reviewEveryDays) changes.push({ ...subject, field: 'review_every_days', after: body.reviewEveryDays });
  if (body.monitoringDays !== undefined && body.monitoringDays !== now.monitoringDays) changes.push({ ...subject, field: 'monitoring_days', after: body.monitoringDays });
  return changes;
}

/**
 * Changes a project's basics. Name, description, owner and team change at once (the audit trail
 * records it). Calendar, review cadence and monitoring window move timers: in planning none run
 * yet, so they change at once; in execution each change becomes a change request, with the
 * timers it would move, decided by the "change requested" flow; in monitoring they no longer
 * change. Every check runs before anything is written.
 */
export async function changeBasics(db: Db, client: Client, principal: Principal, projectId: string, body: Body): Promise<z.infer<typeof ProjectBasicsChanged>> {
  const project = await getProject(db, projectId);
  requirePhase('editBasics', project);
  await requireUsers(db, [{ path: 'ownerId', id: body.ownerId }]);
  await requireTeam(db, 'teamId', body.teamId);
  // Handing the project over follows the rule for whom one may start a project for.
  if (body.ownerId !== undefined && body.ownerId !== project.ownerId) await requireMayCreateProjectFor(db, principal, body.ownerId);
  const timers = timerChanges(project, body);
  const asRequests = timers.length > 0 && project.phase !== 'planning';
  if (asRequests) {
    requirePhase('requestChange', project);
    if (body.reason === undefined) throw invalidFields([fieldDetail('reason', 'field.reasonNeeded')]);
  }

  const changeRequests: ChangeRequest[] = [];
  if (asRequests) {
    for (const change of timers) changeRequests.push(await requestChange(db, client, principal, projectId, { ...change, reason: body.reason! }));
  }
  await inProject(db, projectId, async (trx, locked) => {
    requirePhase('editBasics', locked);
    // The phase read under the lock decides: timers change at once only while nothing runs them.
    if (!asRequests && timers.length > 0 && locked.phase !== 'planning') requirePhase('editPlan', locked);
    const timerColumns = asRequests
      ? {}
      : {
          ...(body.calendar === undefined ? {} : { calendar: JSON.stringify(body.calendar) }),
          ...(body.reviewEveryDays === undefined ? {} : { reviewEveryDays: body.reviewEveryDays }),
          ...(body.monitoringDays === undefined ? {} : { monitoringDays: body.monitoringDays }),
        };
    const columns = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.description === undefined ? {} : { description: body.description === null || body.description === '' ? null : body.description }),
      ...(body.ownerId === undefined ? {} : { ownerId: body.ownerId }),
      ...(body.teamId === undefined ? {} : { teamId: body.teamId }),
      ...timerColumns,
    };
    if (Object.keys(columns).length > 0) await updateProjectBasics(trx, projectId, columns);
  });
  return { basics: basicsDto(await getProject(db, projectId)), changeRequests };
}
