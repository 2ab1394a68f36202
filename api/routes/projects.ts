import { insertKpiReport } from '../../db/queries/kpi-reports';
import { raiseTriggeredRisks } from '../../db/queries/risks';
import { insertMilestones, insertProject } from '../../db/queries/projects';
import type { Db } from '../../db/connect';
import { projectReader, requireAccessFrom } from '../access/project-access';
import { relationOf } from '../../db/queries/project-access';
import { pageResponse, type ProjectPages } from '../project-pages';
import type { ProjectListPages } from '../project-list-pages';
import { projectCan, requirePhase, requireProjectAction } from '../access/project-actions';
import { requireMayCreateProjectFor } from '../access/project-creation';
import type { AppDeps } from '../deps';
import { kpiReportDto, projectDto } from '../dto';
import { ApiError, fieldDetail, invalidFields, notFound, type ErrorDetail } from '../errors';
import { checkMilestone, newMilestoneDraft } from '../milestone-rules';
import { raiseReportEffects, recordKpiReports } from '../kpi-report-effects';
import { requireTrackedMetric } from '../kpi-metrics';
import { startLifecycle } from '../lifecycle';
import { inProject } from '../plan-guard';
import { changeBasics } from '../project-basics';
import { createRouter } from '../router';
import * as routes from '../contract/routes/projects';
import { decodeCursor } from '../contract/list-cursor';
import { preSerialized } from '../pre-serialized';
import type { ProjectList } from '../contract/projects';
import { existingUserIds } from '../../db/queries/users';
import { resolveCalendar } from '../../db/queries/calendars';
import type { BusinessCalendar } from '../../workflows/domain/business-calendar';

/** Body fields that name users must name existing ones; reported as field errors, not 404s. */
async function requireUsers(db: Db, refs: { path: string; id: string }[]): Promise<void> {
  const ids = [...new Set(refs.map((r) => r.id))];
  if (ids.length === 0) return;
  const found = await existingUserIds(db, ids);
  const missing: ErrorDetail[] = refs.filter((r) => !found.has(r.id)).map((r) => ({ path: r.path, message: `no user with id ${r.id}` }));
  if (missing.length > 0) throw invalidFields(missing);
}

export function projectsRouter({ db, temporal, projectPages, projectListPages }: AppDeps & { projectPages: ProjectPages; projectListPages: ProjectListPages }) {
  return createRouter()
    .openapi(
      routes.listProjects,
      async (c) => {
        const { cursor, ...query } = c.req.valid('query');
        const filter = { ...query, after: cursor === undefined ? undefined : decodeCursor(cursor), reader: projectReader(c.get('principal')) };
        return preSerialized<ProjectList>(c, await projectListPages.list(filter, new Date()));
      },
    )
    .openapi(
      routes.createProject,
      async (c) => {
        const body = c.req.valid('json');
        await requireUsers(db, [
          { path: 'ownerId', id: body.ownerId },
          ...body.milestones.map((m, i) => ({ path: `milestones.${i}.ownerId`, id: m.ownerId })),
        ]);
        await requireMayCreateProjectFor(db, c.get('principal'), body.ownerId);
        // The workflow starts inside the transaction: if the engine refuses, nothing is written.
        const created = await db.transaction().execute(async (trx) => {
          const project = await insertProject(trx, {
            name: body.name,
            ownerId: body.ownerId,
            periodStart: body.periodStart,
            periodEnd: body.periodEnd,
            ...(body.reviewEveryDays === undefined ? {} : { reviewEveryDays: body.reviewEveryDays }),
            ...(body.monitoringDays === undefined ? {} : { monitoringDays: body.monitoringDays }),
            ...(body.calendar === undefined ? {} : { calendar: JSON.stringify(body.calendar) }),
            ...(body.retroInputDays === undefined ? {} : { retroInputDays: body.retroInputDays }),
            ...(body.retroReminderDays === undefined ? {} : { retroReminderDays: body.retroReminderDays }),
            ...(body.retroHardDeadlineDays === undefined ? {} : { retroHardDeadlineDays: body.retroHardDeadlineDays }),
          });
          // Inline milestones follow the rules of the plan's milestone route, every problem named at once.
          // Their owners were all found above, and the calendar is resolved once for all of them.
          const problems: ErrorDetail[] = [];
          const columns = [];
          let calendar: Promise<BusinessCalendar> | undefined;
          const known = { userIds: new Set(body.milestones.map((m) => m.ownerId)), calendar: () => (calendar ??= resolveCalendar(trx, project.calendar)) };
          for (const [i, milestone] of body.milestones.entries()) {
            try {
              columns.push(await checkMilestone(trx, project, newMilestoneDraft(milestone), `milestones.${i}.`, known));
            } catch (error) {
              if (!(error instanceof ApiError) || error.status !== 400) throw error;
              problems.push(...error.details);
            }
          }
          if (problems.length > 0) throw invalidFields(problems);
          const milestones = await insertMilestones(trx, columns.map((c) => ({ projectId: project.id, ...c })));
          await startLifecycle(temporal.client, temporal.taskQueue, project.id);
          return projectDto(project, milestones);
        });
        return c.json(created, 201);
      },
    )
    .openapi(
      routes.getProject,
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = c.get('principal');
        const page = await projectPages.read(id);
        const access = requireAccessFrom(principal, page && relationOf(page.people, principal.userId), 'read', 'do this', () => notFound('project', id));
        // The shared part of the body was written to JSON once, when the page was loaded.
        const mine = { access, can: projectCan(principal, access, page!.state) };
        return pageResponse(c, page!, mine);
      },
    )
    .openapi(
      routes.changeBasics,
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = c.get('principal');
        await requireProjectAction(db, principal, id, 'editBasics', 'change its basics');
        return c.json(await changeBasics(db, temporal.client, principal, id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      routes.reportKpi,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        await requireProjectAction(db, principal, id, 'reportKpi', 'report its KPIs');
        const reportedAt = body.reportedAt ?? new Date();
        // The report and the risks its figure raises are written together, under the project's
        // lock, so concurrent reports see each other's figures when deciding what they cross.
        const effects = await inProject(db, id, async (trx, project) => {
          requirePhase('reportKpi', project);
          // A figure is reported for a time that has come, as the CSV import also requires; one
          // dated ahead would count toward nothing until then, and look lost.
          if (new Date(reportedAt).getTime() > Date.now()) throw invalidFields([fieldDetail('reportedAt', 'field.inFuture')]);
          await requireTrackedMetric(trx, id, body.metric);
          const record = async () => {
            const row = await insertKpiReport(trx, {
              projectId: id,
              metric: body.metric,
              value: body.value,
              reportedAt,
              reporterId: principal.userId,
            });
            await raiseTriggeredRisks(trx, id, new Date());
            return row;
          };
          return recordKpiReports(trx, project, principal, [body.metric], record, (row) => row.id);
        });
        await raiseReportEffects(temporal, effects);
        return c.json(kpiReportDto(effects.recorded), 201);
      },
    );
}
