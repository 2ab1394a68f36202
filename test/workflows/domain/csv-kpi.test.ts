import { describe, expect, it } from 'vitest';
import { parseKpiCsv } from '../../../workflows/domain/csv-kpi';

const header = 'metric,value,reported_at,reporter_email';
const csv = (...lines: string[]): string => lines.join('\r\n');

/** Expects the whole file refused, with exactly these errors. */
function expectRefused(text: string, errors: unknown[], options?: Parameters<typeof parseKpiCsv>[1]): void {
  expect(parseKpiCsv(text, options)).toEqual({ ok: false, errors });
}

describe('parseKpiCsv', () => {
  it('reads every row of a well-formed export with its spreadsheet row number', () => {
    const result = parseKpiCsv(
      csv(
        header,
        'revenue,120000.50,2027-03-05,Li.Na@example.com',
        '"new_customers"," 3 ",2027-03-05 14:30,wang@example.com',
        'revenue,-500,2027-03-06T09:15:00Z,li.na@example.com',
        '',
      ),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, metric: 'revenue', value: '120000.50', reportedAt: new Date('2027-03-04T16:00:00Z'), reporterEmail: 'li.na@example.com' },
        { row: 3, metric: 'new_customers', value: '3', reportedAt: new Date('2027-03-05T06:30:00Z'), reporterEmail: 'wang@example.com' },
        { row: 4, metric: 'revenue', value: '-500', reportedAt: new Date('2027-03-06T09:15:00Z'), reporterEmail: 'li.na@example.com' },
      ],
    });
  });

  it('accepts the columns in any order and any case, and skips blank rows without renumbering', () => {
    const result = parseKpiCsv(csv('Reporter_Email,METRIC,value,reported_at', ',,,', 'a@example.com,revenue,1,2027-03-05'));
    expect(result.ok && result.rows.map(({ row, reporterEmail }) => [row, reporterEmail])).toEqual([[3, 'a@example.com']]);
  });

  it('imports nothing when one row is bad, and names the row and the field', () => {
    expectRefused(
      csv(header, 'revenue,100,2027-03-05,a@example.com', 'revenue,1O0,2027-03-05,a@example.com', 'revenue,100,2027-03-05,b@example.com'),
      [{ row: 3, field: 'value', message: "value '1O0' is not a number (use a dot for decimals, no thousands separators)" }],
    );
  });

  it('refuses a figure its metric cannot have — a rate above 100 %, a negative count of new customers — and takes a negative revenue, a refund', () => {
    expectRefused(
      csv(header, 'market_share,120,2027-03-05,a@example.com', 'new_customers,-2,2027-03-05,a@example.com', 'revenue,-500,2027-03-05,a@example.com', 'call_connection_rate,100,2027-03-05,a@example.com'),
      [
        { row: 2, field: 'value', message: 'value 120 of market_share must be a percentage from 0 to 100' },
        { row: 3, field: 'value', message: 'value -2 of new_customers cannot be negative' },
      ],
    );
  });

  it('reports every bad field of every row', () => {
    expectRefused(csv(header, ',,03/05/2027,not-an-email', 'revenue,5', 'revenue,1,2027-02-30,a@example.com'), [
      { row: 2, field: 'metric', message: 'the metric is empty' },
      { row: 2, field: 'value', message: 'the value is empty' },
      { row: 2, field: 'reported_at', message: "reported_at '03/05/2027' is not a date such as 2027-03-31 or 2027-03-31T17:30+08:00" },
      { row: 2, field: 'reporter_email', message: "reporter_email 'not-an-email' is not an e-mail address" },
      { row: 3, field: 'row', message: 'expected 4 fields, found 2' },
      { row: 4, field: 'reported_at', message: "reported_at '2027-02-30' is not a date such as 2027-03-31 or 2027-03-31T17:30+08:00" },
    ]);
  });

  it('checks metrics, reporters and dates against what the project knows', () => {
    expectRefused(
      csv(header, 'revnue,1,2027-03-05,a@example.com', 'revenue,1,2027-03-05,stranger@example.com', 'revenue,1,2099-01-01,a@example.com'),
      [
        { row: 2, field: 'metric', message: "metric 'revnue' is not one of: revenue, new_customers" },
        { row: 3, field: 'reporter_email', message: "reporter_email stranger@example.com is not a member of this project's teams" },
        { row: 4, field: 'reported_at', message: 'reported_at 2099-01-01 is in the future' },
      ],
      { metrics: ['revenue', 'new_customers'], reporterEmails: ['A@example.com'], now: new Date('2027-04-01T00:00:00Z') },
    );
  });

  it('reads dates without an offset in the given time zone', () => {
    const result = parseKpiCsv(csv(header, 'revenue,1,2027-03-05T09:00,a@example.com'), { timeZone: 'Europe/Berlin' });
    expect(result.ok && result.rows[0]?.reportedAt).toEqual(new Date('2027-03-05T08:00:00Z'));
  });

  it('names missing, unknown and repeated columns in the header', () => {
    expectRefused(csv('metric,value,value,owner', 'x,1,1,y'), [
      { row: 1, field: 'value', message: 'the column value appears twice' },
      { row: 1, field: 'header', message: "unknown column 'owner'; expected metric,value,reported_at,reporter_email" },
      { row: 1, field: 'reported_at', message: 'the header has no reported_at column' },
      { row: 1, field: 'reporter_email', message: 'the header has no reporter_email column' },
    ]);
  });

  it('refuses an empty file and a file with only a header', () => {
    expect(parseKpiCsv('')).toMatchObject({ ok: false, errors: [{ row: 1, field: 'header' }] });
    expectRefused(`${header}\r\n`, [{ row: 1, field: 'file', message: 'the file has no data rows' }]);
  });

  it('reports a broken quote as an error of its row', () => {
    expectRefused(csv(header, 'revenue,1,2027-03-05,a@example.com', 'revenue,"1,2027-03-05,a@example.com'), [
      { row: 3, field: 'row', message: 'record 3: the quoted field opened on line 3 is never closed' },
    ]);
  });

  it('refuses files with more rows than allowed', () => {
    const rows = Array.from({ length: 3 }, () => 'revenue,1,2027-03-05,a@example.com');
    expectRefused(csv(header, ...rows), [{ row: 1, field: 'file', message: 'the file has 3 data rows; at most 2 can be imported at once' }], { maxRows: 2 });
  });

  it('stops collecting errors after the limit and says so', () => {
    const rows = Array.from({ length: 5 }, () => 'revenue,x,2027-03-05,a@example.com');
    const result = parseKpiCsv(csv(header, ...rows), { maxErrors: 2 });
    expect(result.ok ? [] : result.errors.map(({ row, field }) => [row, field])).toEqual([
      [2, 'value'],
      [3, 'value'],
      [4, 'file'],
    ]);
  });
});
