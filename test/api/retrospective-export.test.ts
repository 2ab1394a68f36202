import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { retrospectiveHtml, retrospectiveMarkdown, type ExportInput } from '../../api/retrospective-export';
import type { RetrospectiveReport } from '../../workflows/domain/retrospective-report';

/** Names people could give things, each a piece of markup if it were not escaped. */
const hostile = [
  'Q3 <img src=x onerror=alert(1)>',
  '**Big** _deal_ ~~gone~~',
  '[win](javascript:alert(1)) ![x](http://evil.example/x.png)',
  'Tom | Jerry `code` &amp; <b>bold</b>',
  'two\n# lines',
];

function reviewNaming(names: string[]): ExportInput {
  const [project, goal, member, risk, note] = names as [string, string, string, string, string];
  const report: RetrospectiveReport = {
    projectId: 'p',
    projectName: project,
    outcome: 'won',
    periodStart: '2027-01-01T00:00:00Z',
    periodEnd: '2027-12-31T00:00:00Z',
    compiledAt: '2028-01-02T00:00:00Z',
    goals: [{ goalId: 'g', name: goal, unit: 'CNY', target: '100', actual: '50', attainmentPct: 50, status: 'red' }],
    milestones: [{ milestoneId: 'm', name: goal, dueAt: '2027-03-31T00:00:00Z', target: '10', actual: '5', status: 'missed', daysLate: 1, owner: member }],
    series: [],
    escalations: { count: 0, highestLevel: 0, byLevel: [], items: [] },
    approvals: { count: 1, rejections: 0, avgTurnaroundHours: 1, items: [{ kind: 'plan', approver: member, status: 'approved', createdAt: '2027-01-01T00:00:00Z', decidedAt: '2027-01-01T01:00:00Z', turnaroundHours: 1 }] },
    changeRequests: [{ field: 'target', subject: goal, before: 1, after: 2, status: 'approved', reason: note, turnaroundHours: 1 }],
    risks: { raisedByEarlyWarning: [risk], materialised: [] },
    budget: [{ category: risk, planned: '1', spent: '1', overrunPct: 0 }],
    members: [{ userId: 'u', name: member, total: '5', rank: 1 }],
    timeline: [{ at: '2027-01-01T00:00:00Z', kind: 'note', text: note }],
  };
  return { report, status: 'finalized', inputs: [{ name: member, wentWell: note, toImprove: project, actionItems: [goal, risk], late: false }] };
}

describe('exports of a closing review', () => {
  it('shows every name in Markdown as the text it is, never as markup, whatever it holds', () => {
    const html = new MarkdownIt({ html: true }).render(retrospectiveMarkdown(reviewNaming(hostile)));
    // The only markup is the export's own: headings, the outcome in bold, tables, "None." in italics.
    expect(html).not.toMatch(/<(img|a|b|code|s|del|script)\b/);
    expect(html.match(/<strong>/g)).toEqual(['<strong>']);
    expect(new Set(html.match(/<em>.*?<\/em>/g))).toEqual(new Set(['<em>None.</em>']));
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const text = html.replace(/<[^>]+>/g, '');
    const decoded = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const name of hostile) expect(decoded).toContain(name.replace(/\s*\n\s*/g, ' '));
    // Every row of the goals table keeps its five cells: a pipe in a name splits nothing.
    expect(html).toMatch(/<tr>\s*<td>\*\*Big\*\* _deal_ ~~gone~~<\/td>\s*<td>100 CNY<\/td>/);
  });

  it('escapes every name in the HTML export too', () => {
    const html = retrospectiveHtml(reviewNaming(hostile));
    expect(html).not.toMatch(/<(img|a|b|script)\b/);
    expect(html).toContain('Q3 &lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('exports of a closing review in a language', () => {
  const review = (): ExportInput => {
    const input = reviewNaming(['华东 Q3 冲刺', '签约额', '王芳', '客户流失', '提前锁定大客户']);
    input.report.goals[0]!.target = '1234567.5';
    input.report.goals[0]!.attainmentPct = 50;
    return input;
  };

  it('writes the Markdown in Chinese: headings and labels from the catalog, statuses in words, numbers and dates through Intl', () => {
    const md = retrospectiveMarkdown(review(), 'zh-CN');
    expect(md).toContain('# 结项复盘：华东 Q3 冲刺');
    expect(md).toContain('结果：**赢单** · 周期 2027年1月1日 – 2027年12月31日 · 定稿');
    expect(md).toContain('## 目标');
    expect(md).toContain('| 目标 | 目标值 | 实际值 | 达成率 | 状态 |');
    expect(md).toContain('| 签约额 | 1,234,567.5 CNY | 50 | 50.0% | 红 |');
    expect(md).toContain('| 签约额 | 2027年3月31日 |');
    expect(md).toContain('## 审批（1 次，驳回 0 次，平均 1 小时）');
    expect(md).toContain('_无。_');
    expect(md).not.toMatch(/Goals|Milestones|Outcome|None\./);
  });

  it('writes the Markdown in English as before', () => {
    const md = retrospectiveMarkdown(review(), 'en');
    expect(md).toBe(retrospectiveMarkdown(review()));
    expect(md).toContain('# Closing review: 华东 Q3 冲刺');
    expect(md).toContain('Outcome: **won** · period 2027-01-01 – 2027-12-31 · final');
    expect(md).toContain('| 签约额 | 1,234,567.5 CNY | 50 | 50.0 % | red |');
    expect(md).toContain('## Approvals (1, 0 rejected, avg. 1 h)');
    expect(md).toContain('_None._');
  });

  it('writes the HTML in Chinese with its language named, and in English as before', () => {
    const zh = retrospectiveHtml(review(), 'zh-CN');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<title>结项复盘：华东 Q3 冲刺</title>');
    expect(zh).toContain('<h2>里程碑</h2>');
    expect(zh).toContain('结果：<strong>赢单</strong> · 2027年1月1日 – 2027年12月31日 · 定稿');
    expect(zh).toContain('<td>2027年1月1日 00:00</td>');
    const en = retrospectiveHtml(review(), 'en');
    expect(en).toBe(retrospectiveHtml(review()));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2>Milestones</h2>');
    expect(en).toContain('Outcome: <strong>won</strong> · 2027-01-01 – 2027-12-31 · final');
    expect(en).toContain('<td>2027-01-01 00:00</td>');
  });
});

describe("the closing review's timeline in the exports", () => {
  const review = (): ExportInput => {
    const input = reviewNaming(['华东 Q3 冲刺', '签约额', '王芳', '客户流失', '提前锁定大客户']);
    input.report.timeline = [
      { at: '2027-01-02T00:00:00Z', kind: 'phase', text: 'Phase: execution', message: { key: 'phase', values: { phase: 'execution' } } },
      { at: '2027-03-31T00:00:00Z', kind: 'milestone_missed', text: 'Milestone "Q1" missed', message: { key: 'milestoneMissed', values: { milestone: 'Q1' } } },
      { at: '2027-04-01T00:00:00Z', kind: 'escalation', text: '"Q1" escalated to 李经理 (level 1)', message: { key: 'escalation', values: { milestone: 'Q1', recipient: '李经理', level: 1 } } },
      { at: '2027-04-02T00:00:00Z', kind: 'change_requested', text: 'Change of due date requested: 大客户推迟', message: { key: 'changeRequested', values: { field: 'due_at', reason: '大客户推迟' } } },
      // Compiled before entries carried a message: its English text is all there is.
      { at: '2027-04-03T00:00:00Z', kind: 'change_approved', text: 'Change approved' },
    ];
    input.report.changeRequests[0]!.field = 'due_at';
    return input;
  };

  it("writes each entry and a change request's field in the reader's language, and an entry compiled before messages as it was written", () => {
    const zh = retrospectiveMarkdown(review(), 'zh-CN');
    expect(zh).toContain('| 阶段：执行 |');
    expect(zh).toContain('| 里程碑“Q1”未达成 |');
    expect(zh).toContain('| “Q1”已升级给李经理（第 1 级） |');
    expect(zh).toContain('| 申请变更截止日期：大客户推迟 |');
    expect(zh).toContain('| Change approved |');
    expect(zh).toMatch(/\| 签约额 \| 截止日期 \| 1 \| 2 \|/);
    const en = retrospectiveMarkdown(review(), 'en');
    expect(en).toContain('| Phase: execution |');
    expect(en).toContain('| Milestone “Q1” missed |');
    expect(en).toContain('| “Q1” escalated to 李经理 (level 1) |');
    expect(en).toContain('| Change of due date requested: 大客户推迟 |');
    expect(en).toContain('| 签约额 | due\\_at | 1 | 2 |');
  });
});

describe("the members' scorecard, training and incentives in the exports", () => {
  const review = (): ExportInput => {
    const input = reviewNaming(['华东 Q3 冲刺', '签约额', '王芳', '客户流失', '提前锁定大客户']);
    input.report.members = [
      {
        userId: 'u',
        name: '王芳',
        total: '300',
        rank: 1,
        score: '100',
        reportedNothing: false,
        dimensions: [
          { key: 'revenue', attainmentPct: 100, countedPct: 100, points: '70' },
          { key: 'training', attainmentPct: 100, countedPct: 100, points: '30' },
        ],
        training: { assigned: 1, attended: 1, completed: 1, averageScore: '92', topics: ['顾问式销售'] },
      },
      {
        userId: 'q',
        name: 'Quiet <b>Li</b>',
        total: '0',
        rank: 2,
        score: '0',
        reportedNothing: true,
        dimensions: [
          { key: 'revenue', attainmentPct: 0, countedPct: 0, points: '0' },
          { key: 'training', attainmentPct: 0, countedPct: 0, points: '0' },
        ],
        training: { assigned: 0, attended: 0, completed: 0, averageScore: null, topics: [] },
      },
    ];
    input.report.incentives = {
      approvedTotal: '1530.5',
      payouts: [
        { payoutId: 'p1', memberId: 'u', name: '王芳', amount: '1000', decidedAt: '2027-12-31T08:00:00Z' },
        { payoutId: 'p2', memberId: 'u', name: '王芳', amount: '530.5', decidedAt: '2028-01-01T08:00:00Z' },
      ],
    };
    return input;
  };

  it("writes each member's score with its dimensions, their training and their approved payouts, and lists every payout, in English", () => {
    const md = retrospectiveMarkdown(review(), 'en');
    expect(md).toContain('| Rank | Member | Total | Score | Scorecard dimensions | Training | Approved payouts |');
    expect(md).toContain('| 1 | 王芳 | 300 | 100 | revenue 100.0 % → 70 pts; training 100.0 % → 30 pts | 1 of 1 completed, 1 attended · average score 92 · 顾问式销售 | 1,530.5 |');
    expect(md).toContain('| 2 | Quiet \\<b\\>Li\\</b\\> | 0 | 0 (reported nothing) | revenue 0.0 % → 0 pts; training 0.0 % → 0 pts | — | 0 |');
    expect(md).toContain('## Incentive payouts (approved 1,530.5)');
    expect(md).toContain('| Member | Amount | Decided |');
    expect(md).toContain('| 王芳 | 530.5 | 2028-01-01 |');
    const html = retrospectiveHtml(review(), 'en');
    expect(html).toContain('<th>Score</th><th>Scorecard dimensions</th><th>Training</th><th>Approved payouts</th>');
    expect(html).toContain('<td>Quiet &lt;b&gt;Li&lt;/b&gt;</td><td>0</td><td>0 (reported nothing)</td>');
    expect(html).toContain('<h2>Incentive payouts (approved 1,530.5)</h2>');
    expect(html).toContain('<td>王芳</td><td>1,000</td><td>2027-12-31</td>');
  });

  it('writes them in Chinese from the catalog', () => {
    const md = retrospectiveMarkdown(review(), 'zh-CN');
    expect(md).toContain('| 排名 | 成员 | 合计 | 得分 | 计分卡维度 | 培训 | 已批准激励 |');
    expect(md).toContain('| 1 | 王芳 | 300 | 100 | 销售额 100.0% → 70 分；培训 100.0% → 30 分 | 完成 1/1 项，出席 1 次 · 平均分 92 · 顾问式销售 | 1,530.5 |');
    expect(md).toContain('0（未上报）');
    expect(md).toContain('## 激励发放（已批准 1,530.5）');
    expect(md).toContain('| 成员 | 金额 | 批准日期 |');
    const html = retrospectiveHtml(review(), 'zh-CN');
    expect(html).toContain('<th>得分</th><th>计分卡维度</th><th>培训</th><th>已批准激励</th>');
    expect(html).toContain('<h2>激励发放（已批准 1,530.5）</h2>');
    expect(html).toContain('<td>王芳</td><td>1,000</td><td>2027年12月31日</td>');
    expect(md).not.toMatch(/Score|Training|Incentive|reported nothing/);
  });

  it('leaves the contribution table of a review compiled before scorecards, training and incentives as it was', () => {
    const md = retrospectiveMarkdown(reviewNaming(['P', 'G', 'M', 'R', 'N']), 'en');
    expect(md).toContain('| Rank | Member | Total |\n| --- | --- | --- |\n| 1 | M | 5 |');
    expect(md).not.toContain('Incentive payouts');
  });
});

