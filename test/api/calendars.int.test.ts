import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { admin } from '../support/identities';
import { createPlanProject, createUser } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** Sends raw text with its own content type, as a spreadsheet or calendar export would arrive. */
async function sendText(path: string, contentType: string, text: string, token?: string) {
  const response = await system.app.request(path, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token ?? admin().token}` },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const auditRowsOf = async (year: number) =>
  (await system.db.selectFrom('audit_events').select('id').where('entity', '=', 'shared_calendar_years').where('entityId', '=', `cn-mainland:${year}`).execute()).length;

/** A planning project on the mainland China calendar whose milestone, due Monday 4 January 2027 09:00, warns one business day before. */
async function projectWarningBeforeNewYear() {
  const owner = await createUser(system.app, 'Calendar owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, periodStart: '2026-12-01T00:00:00+08:00', periodEnd: '2027-03-31T18:00:00+08:00' });
  await system.db.updateTable('sales_projects').set({ calendar: JSON.stringify({ holidaysFrom: 'cn-mainland' }) }).where('id', '=', project.id).execute();
  const milestone = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, {
    name: 'First deals of 2027',
    metric: 'revenue',
    targetValue: 1000,
    dueAt: '2027-01-04T09:00:00+08:00',
    ownerId: owner.id,
    warningOffset: { amount: 1, unit: 'business_days' },
  });
  expect(milestone.status, JSON.stringify(milestone.body)).toBe(201);
  const warnAt = async () => (await call(system.app, 'GET', `/api/projects/${project.id}/milestones`)).body[0].warnAt as string;
  return { warnAt };
}

describe('the shared mainland China calendar through the API', () => {
  // 2025, because the engine test (test/workflows/shared-calendar.int.test.ts) stands in a holiday in the current year while it runs.
  it('lists cn-mainland with the years chinese-days ships, 2025 among them, and shows 2025’s 国庆 make-up Sunday and Saturday', async () => {
    const list = await call(system.app, 'GET', '/api/calendars');
    expect(list.status).toBe(200);
    const cn = list.body.find((c: { id: string }) => c.id === 'cn-mainland');
    expect(cn.years.find((y: { year: number }) => y.year === 2025)).toMatchObject({ source: 'package', holidays: expect.any(Number), workingDays: 5 });
    const y2025 = await call(system.app, 'GET', '/api/calendars/cn-mainland/years/2025');
    expect(y2025.body.workingDays).toEqual(expect.arrayContaining([{ date: '2025-09-28', name: '国庆节' }, { date: '2025-10-11', name: '国庆节' }]));
    expect(y2025.body.source).toBe('package');
  });

  it('lets an admin import 2027 from CSV, after which a project on cn-mainland warns before 元旦 instead of on it, and forgetting the year undoes it', async () => {
    const { warnAt } = await projectWarningBeforeNewYear();
    // No 2027 table yet: Friday 1 January counts as a working day.
    expect(await warnAt()).toBe('2027-01-01T01:00:00.000Z');

    const imported = await sendText('/api/calendars/cn-mainland/years/2027/import', 'text/csv', 'date,kind,name\n2027-01-01,holiday,元旦\n');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ year: 2027, source: 'csv', holidays: [{ date: '2027-01-01', name: '元旦' }], workingDays: [] });
    // Thursday 31 December 2026, the working day before the holiday.
    expect(await warnAt()).toBe('2026-12-31T01:00:00.000Z');
    expect(await auditRowsOf(2027)).toBeGreaterThan(0);

    expect((await call(system.app, 'DELETE', '/api/calendars/cn-mainland/years/2027')).status).toBe(204);
    expect(await warnAt()).toBe('2027-01-01T01:00:00.000Z');
    expect((await call(system.app, 'GET', '/api/calendars/cn-mainland/years/2027')).status).toBe(404);
  });

  it('imports an iCalendar feed of days marked (休) and (班), sent as text/calendar', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20301001',
      'DTEND;VALUE=DATE:20301008',
      'SUMMARY:国庆节(休)',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20300929',
      'DTEND;VALUE=DATE:20300930',
      'SUMMARY:国庆节(班)',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await sendText('/api/calendars/cn-mainland/years/2030/import', 'text/calendar', ics);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.holidays).toHaveLength(7);
    expect(imported.body.workingDays).toEqual([{ date: '2030-09-29', name: '国庆节' }]);
    expect((await call(system.app, 'GET', '/api/calendars/cn-mainland/years/2030')).body.source).toBe('ics');
  });

  it('refuses a CSV with bad rows with 400, naming each line and field, and imports none of it', async () => {
    const refused = await sendText('/api/calendars/cn-mainland/years/2031/import', 'text/csv', 'date,kind,name\n2031-02-30,holiday,春节\n2031-10-01,holiday,国庆节\n2031-10-11,vacation,国庆节\n2030-10-02,holiday,国庆节\n');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_holiday_table');
    expect(refused.body.error.message).toBe('The CSV file has 3 problems; nothing was imported.');
    expect(refused.body.error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`)).toEqual([
      'line 2.date: expected a date such as 2031-10-01, got "2031-02-30"',
      'line 4.kind: expected holiday (休) or working_day (班), got "vacation"',
      'line 5.date: 2030-10-02 is not in 2031',
    ]);
    expect((await call(system.app, 'GET', '/api/calendars/cn-mainland/years/2031')).status).toBe(404);
    expect(await auditRowsOf(2031)).toBe(0);
  });

  it('refuses an edited year whose dates fall outside it or are both kinds, naming the field', async () => {
    const refused = await call(system.app, 'PUT', '/api/calendars/cn-mainland/years/2032', {
      holidays: [{ date: '2033-01-01', name: '元旦' }, { date: '2032-10-01', name: null }],
      workingDays: [{ date: '2032-10-01', name: null }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'holidays.0.date', message: '2033-01-01 is not in 2032' },
      { path: 'workingDays.0.date', message: '2032-10-01 is both a holiday and a working day' },
    ]);
    const unknown = await call(system.app, 'PUT', '/api/calendars/hk/years/2032', { holidays: [], workingDays: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('calendarId');
  });

  it('refuses anyone but an admin, with 403 for a manager and 401 for nobody, and stores nothing', async () => {
    const manager = await createUser(system.app, 'Calendar manager', null, 'manager');
    const csv = 'date,kind,name\n2033-01-01,holiday,元旦\n';
    const byManager = await sendText('/api/calendars/cn-mainland/years/2033/import', 'text/csv', csv, manager.token);
    expect(byManager.status).toBe(403);
    expect((await call(system.app, 'PUT', '/api/calendars/cn-mainland/years/2033', { holidays: [], workingDays: [] }, { as: manager })).status).toBe(403);
    expect((await call(system.app, 'DELETE', '/api/calendars/cn-mainland/years/2026', undefined, { as: manager })).status).toBe(403);
    expect((await call(system.app, 'PUT', '/api/calendars/cn-mainland/years/2033', { holidays: [], workingDays: [] }, { as: null })).status).toBe(401);
    expect((await call(system.app, 'GET', '/api/calendars/cn-mainland/years/2026', undefined, { as: manager })).status).toBe(200);
    expect(await auditRowsOf(2033)).toBe(0);
  });

  it('refuses a project calendar naming an unknown shared calendar, naming calendar.holidaysFrom', async () => {
    const owner = await createUser(system.app, 'Calendar owner');
    const res = await call(system.app, 'POST', '/api/projects', {
      name: 'Unknown calendar',
      ownerId: owner.id,
      periodStart: '2027-01-01T00:00:00+08:00',
      periodEnd: '2027-12-31T18:00:00+08:00',
      milestones: [],
      calendar: { holidaysFrom: 'cn-hongkong' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('calendar.holidaysFrom');
  });
});
