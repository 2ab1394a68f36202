import type { z } from '@hono/zod-openapi';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { deleteStoredYear, findStoredYear, listFlowRunsFollowing, listProjectsFollowing, listStoredYears, sharedCalendarYears, upsertStoredYear } from '../../db/queries/calendars';
import type { SharedCalendarYearRow } from '../../db/schema';
import { packagedYears } from '../../db/shared-calendars/packaged';
import {
  parseHolidayCsv,
  parseHolidayIcs,
  sharedCalendarIds,
  sharedCalendarTitles,
  sharedYearProblems,
  type HolidayImportError,
  type SharedCalendarId,
  type SharedYear,
} from '../../workflows/domain';
import { roleAbilities } from '../access/role-abilities';
import { onlyRoles } from '../auth/principal';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, invalidFields, said } from '../errors';
import { createRouter } from '../router';
import { flowCalendarChangedSignal } from '../../workflows/interpreter/flow-run-messages';
import { calendarChangedSignal } from '../../workflows/sales-project-messages';
import { salesProjectWorkflowId } from '../../workflows/task-queue';
import type { SharedCalendarYear, SharedYearImportBody } from '../contract/calendars';
import * as routes from '../contract/routes/calendars';
import type { Logger } from '../../activities/runtime/logger';

const adminsOnly = onlyRoles(roleAbilities.manageCalendars, 'import or edit the shared holiday calendars');

const yearDto = (calendarId: SharedCalendarId, table: SharedYear, stored: SharedCalendarYearRow | undefined): z.infer<typeof SharedCalendarYear> => ({
  calendarId,
  year: table.year,
  source: stored?.source ?? 'package',
  updatedAt: stored?.updatedAt.toISOString() ?? null,
  updatedBy: stored?.updatedBy ?? null,
  holidays: table.holidays,
  workingDays: table.workingDays,
});

/** The year as it applies now: the stored one, else the package's; 404 when neither has it. */
async function currentYear(db: Db, calendarId: SharedCalendarId, year: number): Promise<z.infer<typeof SharedCalendarYear>> {
  const stored = await findStoredYear(db, calendarId, year);
  const table = stored ? { year, holidays: stored.holidays, workingDays: stored.workingDays } : packagedYears[calendarId].find((y) => y.year === year);
  if (!table) throw new ApiError(404, 'not_found', said('noHolidays', { calendar: calendarId, year: String(year) }));
  return yearDto(calendarId, table, stored);
}

/** `line 3.date`: the line as an editor numbers it, then the column or iCalendar property. */
const importRefused = (format: 'csv' | 'ics', errors: HolidayImportError[]) =>
  new ApiError(
    400,
    'invalid_holiday_table',
    said('holidayProblems', { format: format === 'csv' ? 'CSV' : 'iCalendar', count: errors.length }),
    errors.map((e) => ({ path: e.field === 'file' ? 'file' : `line ${e.line}.${e.field}`, message: e.message, code: e.field })),
  );

/**
 * Tells every running project on the calendar to place its pending warnings again, and every
 * running flow run of those projects to count its business-time timeouts and delays again (both
 * count business time). A workflow that already ended is no loss; one the engine cannot be reached
 * for is named (and logged): a lifecycle picks the new days up at its next reload (plan approval,
 * continue-as-new), a flow run keeps the deadline it has.
 */
async function rescheduleFollowers(db: Db, client: Client, calendarId: SharedCalendarId, year: number, log: Logger): Promise<{ projects: number; flowRuns: number; notReached: string[] }> {
  const lifecycles = (await listProjectsFollowing(db, calendarId)).map(salesProjectWorkflowId);
  const flowRuns = await listFlowRunsFollowing(db, calendarId);
  const notReached: string[] = [];
  const tell = async (workflowId: string, kind: 'project' | 'run') => {
    try {
      const handle = client.workflow.getHandle(workflowId);
      // A run counts its deadlines again only when the year is one they read.
      await (kind === 'project' ? handle.signal(calendarChangedSignal) : handle.signal(flowCalendarChangedSignal, { years: [year] }));
      return true;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) notReached.push(workflowId);
      return false;
    }
  };
  let projects = 0;
  let runs = 0;
  const work = [...lifecycles.map((id) => [id, 'project'] as const), ...flowRuns.map((id) => [id, 'run'] as const)];
  for (let i = 0; i < work.length; i += 20) {
    await Promise.all(
      work.slice(i, i + 20).map(async ([workflowId, kind]) => {
        if (!(await tell(workflowId, kind))) return;
        if (kind === 'project') projects++;
        else runs++;
      }),
    );
  }
  if (notReached.length > 0) log.warn({ calendarId, notReached }, `${calendarId} changed, but ${notReached.length} workflow(s) could not be told`);
  return { projects, flowRuns: runs, notReached: notReached.sort() };
}

/** The format a request's content type names, or null for JSON (or none). */
function bodyFormat(contentType: string | undefined): 'csv' | 'ics' | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'text/calendar') return 'ics';
  return null;
}

export function calendarsRouter({ db, temporal }: AppDeps) {
  const store = async (calendarId: SharedCalendarId, table: SharedYear, source: SharedCalendarYearRow['source'], userId: string, log: Logger) => {
    const row = await upsertStoredYear(db, { calendarId, table, source, updatedBy: userId });
    return { ...yearDto(calendarId, table, row), rescheduling: await rescheduleFollowers(db, temporal.client, calendarId, table.year, log) };
  };

  return createRouter()
    .openapi(routes.listSharedCalendars, async (c) => {
      const calendars = await Promise.all(
        sharedCalendarIds.map(async (id) => {
          const stored = new Map((await listStoredYears(db, id)).map((row) => [row.year, row.source]));
          const years = (await sharedCalendarYears(db, id)).map((y) => ({
            year: y.year,
            source: stored.get(y.year) ?? ('package' as const),
            holidays: y.holidays.length,
            workingDays: y.workingDays.length,
          }));
          return { id, title: sharedCalendarTitles[id], years };
        }),
      );
      return c.json(calendars, 200);
    })
    .openapi(routes.getSharedCalendarYear, async (c) => {
      const { calendarId, year } = c.req.valid('param');
      return c.json(await currentYear(db, calendarId, year), 200);
    })
    .openapi({ ...routes.putSharedCalendarYear, middleware: adminsOnly }, async (c) => {
      const { calendarId, year } = c.req.valid('param');
      const body = c.req.valid('json');
      const table: SharedYear = { year, holidays: body.holidays, workingDays: body.workingDays };
      const problems = sharedYearProblems(table);
      if (problems.length > 0) throw invalidFields(problems);
      return c.json(await store(calendarId, table, 'json', c.get('principal').userId, c.get('log')), 200);
    })
    .openapi({ ...routes.importSharedCalendarYear, middleware: adminsOnly }, async (c) => {
      const { calendarId, year } = c.req.valid('param');
      const typed = bodyFormat(c.req.header('content-type'));
      // Without a JSON content type the validator passes an empty object, so the text may be missing.
      const given = typed ? await c.req.text() : c.req.valid('json');
      const body: Partial<z.infer<typeof SharedYearImportBody>> = typeof given === 'string' ? { format: typed ?? undefined, text: given } : given;
      if (!body.format) throw invalidFields([{ path: 'format', message: 'is required: csv or ics (or send text/csv or text/calendar)' }]);
      if (!body.text?.trim()) throw invalidFields([fieldDetail(typed ? '' : 'text', 'field.fileEmpty')]);
      const parsed = body.format === 'csv' ? parseHolidayCsv(body.text, year) : parseHolidayIcs(body.text, year);
      if (!parsed.ok) throw importRefused(body.format, parsed.errors);
      return c.json(await store(calendarId, parsed.year, body.format, c.get('principal').userId, c.get('log')), 200);
    })
    .openapi({ ...routes.deleteSharedCalendarYear, middleware: adminsOnly }, async (c) => {
      const { calendarId, year } = c.req.valid('param');
      if (!(await deleteStoredYear(db, calendarId, year))) {
        throw new ApiError(404, 'not_found', said('noStoredHolidays', { year: String(year), calendar: calendarId }));
      }
      await rescheduleFollowers(db, temporal.client, calendarId, year, c.get('log'));
      return c.body(null, 204);
    });
}
