import { Dec } from '../workflows/domain/decimal';
import type { RetrospectiveReport } from '../workflows/domain/retrospective-report';

export interface ExportInput {
  report: RetrospectiveReport;
  status: string;
  inputs: { name: string; wentWell: string; toImprove: string; actionItems: string[]; late: boolean }[];
}

const pct = (n: number) => `${n.toFixed(1)} %`;
/** Grouped, at most two decimals; decimal text is rounded as a decimal, so 9007199254740993 stays that. */
const num = (n: number | string | null): string => {
  if (n === null) return '—';
  if (typeof n === 'number') return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const [whole = '0', fraction] = new Dec(n).toDecimalPlaces(2).toFixed().split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
};

function sections(input: ExportInput): { title: string; head: string[]; rows: string[][] }[] {
  const { report } = input;
  return [
    { title: 'Goals', head: ['Goal', 'Target', 'Actual', 'Attainment', 'Status'], rows: report.goals.map((g) => [g.name, `${num(g.target)} ${g.unit}`, num(g.actual), pct(g.attainmentPct), g.status]) },
    { title: 'Milestones', head: ['Milestone', 'Due', 'Target', 'Actual at due', 'Outcome', 'Days late', 'Owner'], rows: report.milestones.map((m) => [m.name, m.dueAt.slice(0, 10), num(m.target), num(m.actual), m.status, String(m.daysLate), m.owner]) },
    { title: `Escalations (${report.escalations.count}, highest level ${report.escalations.highestLevel})`, head: ['Level', 'Count', 'Acknowledged', 'Avg. hours to acknowledge'], rows: report.escalations.byLevel.map((l) => [String(l.level), String(l.count), String(l.acknowledged), num(l.avgHoursToAck)]) },
    { title: `Approvals (${report.approvals.count}, ${report.approvals.rejections} rejected, avg. ${num(report.approvals.avgTurnaroundHours)} h)`, head: ['Approver', 'Decision', 'Hours'], rows: report.approvals.items.map((a) => [a.approver, a.status, num(a.turnaroundHours)]) },
    { title: 'Change requests', head: ['Subject', 'Field', 'Before', 'After', 'Decision', 'Reason'], rows: report.changeRequests.map((c) => [c.subject, c.field, String(c.before), String(c.after), c.status, c.reason]) },
    { title: 'Budget', head: ['Category', 'Planned', 'Spent', 'Overrun'], rows: report.budget.map((b) => [b.category, num(b.planned), num(b.spent), pct(b.overrunPct)]) },
    { title: 'Contribution', head: ['Rank', 'Member', 'Total'], rows: report.members.map((m) => [String(m.rank), m.name, num(m.total)]) },
    { title: 'Risks', head: ['Raised by early warning', 'Materialised'], rows: [[report.risks.raisedByEarlyWarning.join(', ') || '—', report.risks.materialised.join(', ') || '—']] },
    { title: 'Timeline', head: ['When', 'What'], rows: report.timeline.map((t) => [t.at.replace('T', ' ').slice(0, 16), t.text]) },
    { title: 'Team input', head: ['Who', 'Went well', 'To improve', 'Action items'], rows: input.inputs.map((i) => [`${i.name}${i.late ? ' (late)' : ''}`, i.wentWell, i.toImprove, i.actionItems.join('; ')]) },
  ];
}

/**
 * Text as Markdown shows it, never as markup: CommonMark's inline punctuation (emphasis, code,
 * links and images, raw HTML, entities, tables' pipes, strikethrough) is backslash-escaped, and
 * line breaks become spaces so that no text starts a block of its own.
 */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>|~!&]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');

/** The review as Markdown, for wikis and e-mail. */
export function retrospectiveMarkdown(input: ExportInput): string {
  const { report } = input;
  const lines = [
    `# Closing review: ${escapeMarkdown(report.projectName)}`,
    '',
    `Outcome: **${escapeMarkdown(report.outcome)}** · period ${report.periodStart.slice(0, 10)} – ${report.periodEnd.slice(0, 10)} · ${input.status === 'finalized' ? 'final' : 'draft (still collecting input)'}`,
  ];
  for (const section of sections(input)) {
    lines.push('', `## ${escapeMarkdown(section.title)}`, '');
    if (section.rows.length === 0) {
      lines.push('_None._');
      continue;
    }
    lines.push(`| ${section.head.map(escapeMarkdown).join(' | ')} |`, `|${section.head.map(() => ' --- ').join('|')}|`);
    for (const row of section.rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The review as a self-contained page laid out for printing (or saving as PDF from the browser). */
export function retrospectiveHtml(input: ExportInput): string {
  const { report } = input;
  const body = sections(input)
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.title)}</h2>${
          s.rows.length === 0
            ? '<p class="none">None.</p>'
            : `<table><thead><tr>${s.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${s.rows
                .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
                .join('')}</tbody></table>`
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Closing review: ${escapeHtml(report.projectName)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1f2933}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #d9e2ec}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef2f6;vertical-align:top}
th{background:#f5f7fa}.meta{color:#52606d}.none{color:#9aa5b1}
@media print{body{margin:0;max-width:none}section{break-inside:avoid}}
</style></head><body>
<h1>Closing review: ${escapeHtml(report.projectName)}</h1>
<p class="meta">Outcome: <strong>${escapeHtml(report.outcome)}</strong> · ${escapeHtml(report.periodStart.slice(0, 10))} – ${escapeHtml(report.periodEnd.slice(0, 10))} · ${input.status === 'finalized' ? 'final' : 'draft, still collecting input'}</p>
${body}
</body></html>
`;
}
