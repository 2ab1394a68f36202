// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { createSignInPerson } from '../support/browser';
import { createProject } from '../support/factories';
import { call } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';

const web = useWeb();

type StoredYear = { source: string; holidays: { date: string; name: string | null }[]; workingDays: { date: string; name: string | null }[] };

/**
 * The shared calendar's years are shared by every test file running at once: each language's run
 * imports and edits a far-off year nobody else touches, and puts it back as it found it.
 */
async function yearAsItIs(year: number): Promise<StoredYear | null> {
  const res = await call<StoredYear>(web.system.app, 'GET', `/api/calendars/cn-mainland/years/${year}`);
  return res.status === 200 ? res.body : null;
}

async function restoreYear(year: number, kept: StoredYear | null): Promise<void> {
  const now = await yearAsItIs(year);
  if (kept === null || kept.source === 'package') {
    if (now !== null && now.source !== 'package') expect((await call(web.system.app, 'DELETE', `/api/calendars/cn-mainland/years/${year}`)).status).toBe(204);
    return;
  }
  expect((await call(web.system.app, 'PUT', `/api/calendars/cn-mainland/years/${year}`, { holidays: kept.holidays, workingDays: kept.workingDays })).status).toBe(200);
}

/** What each language's run reads on the screen, and the year it may change. */
const runs = [
  {
    locale: 'en-US',
    shot: 'calendars-en',
    year: 2034,
    admin: 'Calendar Admin',
    manager: 'Calendar Manager',
    title: 'Holiday calendars',
    csvSource: 'Imported from CSV',
    editedSource: 'Edited here',
    holiday: 'Holiday',
    workingDay: 'Make-up working day',
    saved: 'Saved.',
    lineTwo: 'Line 2, date:',
    twoProblems: 'The file has 2 problems; nothing was imported.',
    empty: 'No days are known for 2034 yet',
    national: '国庆节 · holiday',
    makeUp: '国庆节 调休 · working day',
    calendarOption: 'Mainland China: statutory holidays and 调休 make-up working days',
  },
  {
    locale: 'zh-CN',
    shot: 'calendars-zh-CN',
    year: 2035,
    admin: 'Calendar Admin',
    manager: 'Calendar Manager',
    title: '节假日日历',
    csvSource: '由 CSV 导入',
    editedSource: '在此编辑',
    holiday: '节假日',
    workingDay: '调休上班',
    saved: '已保存。',
    lineTwo: '第 2 行，date：',
    twoProblems: '文件有 2 处问题，未导入任何数据。',
    empty: '2035 年尚无数据',
    national: '国庆节 · 放假',
    makeUp: '国庆节调休 · 上班',
    calendarOption: '中国大陆法定节假日（含调休上班）',
  },
] as const;

/** A Saturday of `year` near 国庆, worked in return (调休). */
const saturdayIn = (year: number): string => {
  const day = new Date(Date.UTC(year, 8, 28));
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

const csvFile = (text: string) => ({ name: 'holidays.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe.each(runs)('the shared holiday calendar in the web app ($locale)', (run) => {
  const zh = run.locale === 'zh-CN';
  let kept: StoredYear | null = null;
  beforeAll(async () => {
    kept = await yearAsItIs(run.year);
  });
  afterAll(async () => {
    await restoreYear(run.year, kept);
  });

  /** In Chinese, nothing of the screen (or of its part `within`) reads as English. */
  const noEnglishLeft = async (page: Page, within: string, allow: readonly string[] = []) => {
    if (zh) expect(await englishLeftOn(page, allow, within)).toEqual([]);
  };

  it('lets an admin import a year from a CSV file after a preview, see its holiday and make-up Saturday, add and remove a day, refuse a malformed file in place, and forget the year', { timeout: 120_000 }, async () => {
    const { app } = web.system;
    const admin = await createSignInPerson(app, run.admin, { role: 'admin' });
    const page = await web.newPage(admin, { locale: run.locale });
    const saturday = saturdayIn(run.year);

    // Only those the API lets change the calendars find it in the navigation.
    await page.goto(`${web.url}/projects`);
    await page.locator('nav a[href="/calendars"]').click();
    await page.getByRole('heading', { level: 1, name: run.title }).waitFor();
    await page.getByTestId('calendar-year').waitFor();
    // The page shows the year's (real) days, whatever year it is now; the years come from the package.
    await expect.poll(() => page.getByTestId('calendar-years').locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await noEnglishLeft(page, 'main');

    // The file is read and shown as what it would change; nothing is stored yet.
    const importCard = page.getByTestId('import-year');
    await importCard.getByTestId('import-year-number').fill(String(run.year));
    await importCard.getByTestId('import-file').setInputFiles(csvFile(`date,kind,name\n${run.year}-10-01,holiday,国庆节\n${saturday},working_day,国庆节\n`));
    await importCard.getByTestId('preview-import').click();
    const preview = importCard.getByTestId('import-preview');
    await expect.poll(() => preview.getByTestId('import-change').count()).toBe(2);
    expect(await preview.locator(`[data-date="${run.year}-10-01"]`).textContent()).toContain(`${run.holiday} · 国庆节`);
    expect(await preview.locator(`[data-date="${saturday}"]`).textContent()).toContain(`${run.workingDay} · 国庆节`);
    expect(await yearAsItIs(run.year)).toEqual(kept);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await noEnglishLeft(page, 'main');

    await preview.getByTestId('confirm-import').click();
    await expect.poll(() => importCard.getByRole('status').textContent()).toContain(run.saved);
    const yearCard = page.getByTestId('calendar-year');
    await expect.poll(() => yearCard.getByRole('heading', { level: 2 }).textContent()).toBe(String(run.year));
    await expect.poll(() => yearCard.getByTestId('marked-day').count()).toBe(2);
    expect(await yearCard.locator(`[data-date="${run.year}-10-01"]`).textContent()).toContain(run.holiday);
    expect(await yearCard.locator(`[data-date="${saturday}"]`).textContent()).toContain(run.workingDay);
    await expect.poll(() => page.getByTestId(`calendar-year-${run.year}`).textContent()).toContain(run.csvSource);
    expect(await yearAsItIs(run.year)).toMatchObject({ source: 'csv', holidays: [{ date: `${run.year}-10-01`, name: '国庆节' }], workingDays: [{ date: saturday, name: '国庆节' }] });

    // One day more: the 2nd of October, a holiday too; the rest of the year stays.
    const edit = yearCard.getByTestId('edit-day');
    await edit.getByTestId('edit-day-date').fill(`${run.year}-10-02`);
    await edit.getByTestId('edit-day-kind').selectOption('holiday');
    await edit.getByTestId('edit-day-name').fill('国庆节');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await edit.getByTestId('save-day').click();
    await expect.poll(() => yearCard.getByTestId('marked-day').count()).toBe(3);
    expect(await yearCard.getByRole('status').textContent()).toContain(run.saved);
    await expect.poll(() => page.getByTestId(`calendar-year-${run.year}`).textContent()).toContain(run.editedSource);
    expect(await yearAsItIs(run.year)).toMatchObject({ source: 'json', holidays: [{ date: `${run.year}-10-01`, name: '国庆节' }, { date: `${run.year}-10-02`, name: '国庆节' }], workingDays: [{ date: saturday, name: '国庆节' }] });
    await noEnglishLeft(page, 'main');
    await web.screenshot(page, run.shot);

    // And removed again, with the day's own button.
    await yearCard.locator(`[data-date="${run.year}-10-02"] button`).click();
    await expect.poll(() => yearCard.getByTestId('marked-day').count()).toBe(2);
    const trimmed = await yearAsItIs(run.year);
    expect(trimmed).toMatchObject({ source: 'json', holidays: [{ date: `${run.year}-10-01`, name: '国庆节' }], workingDays: [{ date: saturday, name: '国庆节' }] });

    // A malformed file: each bad line named in place, the year and the file kept, nothing stored.
    await importCard.getByTestId('import-file').setInputFiles(csvFile(`date,kind,name\n${run.year}-02-30,holiday,春节\n${run.year}-10-03,vacation,国庆节\n`));
    await importCard.getByTestId('preview-import').click();
    const problems = importCard.getByTestId('import-problems');
    await expect.poll(() => problems.locator('li').count()).toBe(2);
    const [badDate, badKind] = await problems.locator('li').allTextContents();
    expect(badDate).toContain(run.lineTwo);
    expect(badDate).toContain(`got "${run.year}-02-30"`);
    expect(badKind).toContain('got "vacation"');
    expect(await problems.locator('p').textContent()).toBe(run.twoProblems);
    expect(await importCard.getByTestId('import-preview').count()).toBe(0);
    expect(await importCard.getByTestId('import-year-number').inputValue()).toBe(String(run.year));
    expect(await yearAsItIs(run.year)).toEqual(trimmed);
    expect(await seriousAxeFindings(page)).toEqual([]);
    // The problems quote the file's parser (its field names and messages, the API's own words).
    const parserWords = [`expected a date such as ${run.year}-10-01, got "${run.year}-02-30"`, 'expected holiday (休) or working_day (班), got "vacation"', 'date', 'kind'];
    await noEnglishLeft(page, 'main', parserWords);

    // Forgetting the stored year, after a confirmation: no built-in days for it, so it is empty again.
    page.once('dialog', (dialog) => void dialog.accept());
    await yearCard.getByTestId('forget-year').click();
    await expect.poll(() => yearCard.getByTestId('year-empty').textContent()).toContain(run.empty);
    expect(await yearAsItIs(run.year)).toBeNull();
    await expect.poll(() => page.getByTestId(`calendar-year-${run.year}`).count()).toBe(0);
    // The malformed file's problems stay beside it until another file is chosen.
    await noEnglishLeft(page, 'main', parserWords);
  });

  it('lets a manager put a project on the mainland China calendar, and the plan editor names 国庆节 and a 调休 Saturday under the milestone’s due date', { timeout: 120_000 }, async () => {
    const { app } = web.system;
    const manager = await createSignInPerson(app, run.manager, { role: 'manager' });
    const project = await createProject<{ id: string }>(app, manager.id, zh ? '国庆项目' : 'Golden week');
    const page = await web.newPage(manager, { locale: run.locale });

    // The project's basics: the shared calendar chosen in its select (the page's buttons are the projects screens', found by place).
    await page.goto(`${web.url}/projects/${project.id}`);
    await page.locator('.page__actions button').first().click();
    const basics = page.getByTestId('basics-form');
    const select = basics.getByTestId('shared-calendar-select');
    await select.selectOption('cn-mainland');
    expect(await select.locator('option:checked').textContent()).toBe(run.calendarOption);
    expect(await seriousAxeFindings(page, '[data-testid="basics-form"]')).toEqual([]);
    await basics.locator('button[type="submit"]').click();
    await expect.poll(async () => (await call<{ basics: { calendar: { holidaysFrom?: string } } }>(app, 'GET', `/api/projects/${project.id}`)).body.basics.calendar.holidaysFrom).toBe('cn-mainland');

    // The milestone form's due time: 1 October 2026 is 国庆节, Saturday 10 October a make-up working day, the 13th nothing.
    await page.goto(`${web.url}/projects/${project.id}/plan`);
    const form = page.getByTestId('milestone-form');
    const due = form.locator('input[type="datetime-local"]');
    await due.fill('2026-10-01T10:00');
    const note = form.getByTestId('holiday-note');
    await expect.poll(() => note.textContent()).toContain(run.national);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await noEnglishLeft(page, '[data-testid="holiday-note"]');
    await due.fill('2026-10-10T10:00');
    await expect.poll(() => note.textContent()).toContain(run.makeUp);
    await noEnglishLeft(page, '[data-testid="holiday-note"]');
    await due.fill('2026-10-13T10:00');
    await expect.poll(() => note.count()).toBe(0);
  });
});
