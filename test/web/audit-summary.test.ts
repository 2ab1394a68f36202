import { describe, expect, it } from 'vitest';
import { actorLabel, actorVia, changedFields, historyLine } from '../../designer/src/audit/audit-summary';
import type { AuditEvent } from '../../api/contract/audit';
import { i18next } from '../../designer/src/i18n/i18n';

const at = '2027-03-01T09:00:00Z';
const ann = '7f3e2c1a-0000-4000-8000-000000000001';
const goal = '7f3e2c1a-0000-4000-8000-0000000000aa';
const fmt = { formatInstant: (iso: string) => `<${iso.slice(0, 10)}>`, personName: (id: string) => (id === ann ? 'Ann' : null) };
const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at,
  actor: { kind: 'user', userId: 'u1', name: 'Ann', detail: null },
  action: 'update',
  entity: 'milestones',
  entityId: 'm1',
  projectId: 'p1',
  before: null,
  after: null,
  ...over,
});

describe('a project’s history', () => {
  it('shows a change as who changed which thing, with each changed field before → after', () => {
    const line = historyLine(
      event({
        before: { id: 'm1', name: 'First deals', due_at: '2027-03-31T00:00:00+00:00', target_value: '1000', updated_at: 'a' },
        after: { id: 'm1', name: 'First deals', due_at: '2027-04-30T00:00:00+00:00', target_value: '1000', updated_at: 'b' },
      }),
      fmt,
    );
    expect(line).toMatchObject({ who: 'Ann', what: 'changed the milestone “First deals”', changes: [{ field: 'Due at', before: '<2027-03-31>', after: '<2027-04-30>' }] });
  });

  it('lists the filled-in fields of something added, without bookkeeping columns', () => {
    const line = historyLine(
      event({ action: 'insert', entity: 'kpi_reports', after: { id: 'k1', project_id: 'p1', metric: 'revenue', value: '150000', reporter_id: ann, note: null, created_at: at } }),
      fmt,
    );
    expect(line.what).toBe('added a KPI report “Revenue”');
    expect(line.changes).toEqual([
      { field: 'Value', before: '', after: '150000' },
      { field: 'Reporter', before: '', after: 'Ann' },
    ]);
  });

  it('names people by name and leaves out fields that only hold ids of other things', () => {
    const line = historyLine(event({ action: 'insert', entity: 'milestones', after: { name: 'First deals', goal_id: goal, owner_id: ann } }), fmt);
    expect(line.changes.map((change) => `${change.field}: ${change.after}`)).toEqual(['Owner: Ann']);
  });

  it('names a removal without listing fields', () => {
    const line = historyLine(event({ action: 'delete', entity: 'risks', before: { id: 'r1', title: 'Churn' } }), fmt);
    expect(line).toMatchObject({ what: 'removed the risk “Churn”', changes: [] });
  });

  it('says when a workflow, a token or an e-mail link made the change', () => {
    expect(actorLabel({ kind: 'workflow', userId: null, name: null, detail: 'project-p1' })).toBe('The workflow');
    expect(actorLabel({ kind: 'token', userId: 'u1', name: 'Ann', detail: 't1' })).toBe('Ann (API token)');
    expect(actorLabel({ kind: 'user', userId: 'u1', name: 'Ann', detail: 'link:l1' })).toBe('Ann (e-mail link)');
    expect(actorLabel({ kind: 'system', userId: null, name: null, detail: null })).toBe('The system');
  });

  it('says in the whole trail how each change reached us', () => {
    expect(actorVia({ kind: 'user', userId: 'u1', name: 'Ann', detail: null })).toBeNull();
    expect(actorVia({ kind: 'token', userId: 'u1', name: 'Ann', detail: 't1' })).toBe('via API token');
    expect(actorVia({ kind: 'user', userId: 'u1', name: 'Ann', detail: 'link:l1' })).toBe('via e-mail link');
    expect(actorVia({ kind: 'user', userId: 'u1', name: 'Ann', detail: 'workflow:flow-run-r1' })).toBe('through workflow flow-run-r1');
    // A decision the API passed on to a workflow names the token it came with.
    expect(actorVia({ kind: 'user', userId: 'u1', name: 'Ann', detail: 't1' })).toBe('via API token');
    const byWorkflow = historyLine(event({ actor: { kind: 'workflow', userId: null, name: null, detail: 'project-p1' } }), fmt);
    expect(byWorkflow.by).toEqual({ name: 'The workflow', via: 'project-p1' });
  });

  it('shows a list by its values, its entries’ names or their count, and a structured setting as details, never as raw JSON', () => {
    const stages = [{ key: 'leads', name: 'Leads', conversionRate: '0.5' }, { key: 'won', name: 'Won', conversionRate: null }];
    const unnamed = [{ key: 'revenue', weightPct: 60, capPct: 120 }, { key: 'training', weightPct: 40, capPct: 100 }];
    const line = historyLine(
      event({
        entity: 'project_funnels',
        before: { stages: [], holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦' }], dimensions: unnamed, rules: { commission: { tiers: [] } } },
        after: { stages, holidays: [{ date: '2027-01-01', name: '元旦' }], dimensions: [...unnamed, { key: 'deals', weightPct: 0, capPct: 100 }], rules: { commission: { tiers: [{ fromPct: 0 }] } } },
      }),
      fmt,
    );
    expect(line.what).toBe('changed the sales funnel');
    expect(line.changes).toEqual([
      { field: 'Stages', before: '—', after: 'Leads, Won' },
      { field: 'Holidays', before: '2027-01-01, 2027-01-02', after: '2027-01-01' },
      { field: 'Dimensions', before: '2 entries', after: '3 entries' },
      { field: 'Rules', before: '(details)', after: '(details)' },
    ]);
  });

  it('treats equal objects as unchanged and cuts long values', () => {
    expect(changedFields({ a: { x: 1 }, b: 1 }, { a: { x: 1 }, b: 2 })).toEqual(['b']);
    const long = 'x'.repeat(200);
    const line = historyLine(event({ entity: 'goals', before: { note: 'short' }, after: { note: long } }), fmt);
    expect(line.changes[0]?.after.length).toBe(60);
  });
});

describe('a history line in Chinese', () => {
  it('words what changed, who did it and the known fields in the language the page shows', async () => {
    await i18next.changeLanguage('zh-CN');
    try {
      const line = historyLine(
        event({
          actor: { kind: 'token', userId: 'u1', name: 'Ann', detail: 't1' },
          before: { id: 'm1', name: 'First deals', due_at: '2027-03-31T00:00:00+00:00', owner_id: null },
          after: { id: 'm1', name: 'First deals', due_at: '2027-04-30T00:00:00+00:00', owner_id: ann },
        }),
        fmt,
      );
      expect(line).toMatchObject({ who: 'Ann（API 令牌）', what: '修改了里程碑“First deals”', by: { via: '通过 API 令牌' } });
      expect(line.changes.map((change) => change.field)).toEqual(['截止时间', '负责人']);
      expect(historyLine(event({ action: 'delete', entity: 'risks', before: { id: 'r1' } }), fmt).what).toBe('删除了风险');
      const scorecard = historyLine(event({ entity: 'scorecards', before: { dimensions: [{ key: 'revenue' }] }, after: { dimensions: [{ key: 'revenue' }, { key: 'deals' }] } }), fmt);
      expect(scorecard).toMatchObject({ what: '修改了计分卡', changes: [{ field: '计分卡维度', before: '1 项', after: '2 项' }] });
      expect(historyLine(event({ entity: 'shared_calendar_years', before: { working_days: [{ date: '2027-02-07', name: '春节' }, { date: '2027-02-20', name: null }] }, after: { working_days: [{ date: '2027-02-07', name: '春节' }] } }), fmt).changes).toEqual([
        { field: '调休工作日', before: '2027-02-07、2027-02-20', after: '2027-02-07' },
      ]);
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
