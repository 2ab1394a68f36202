import { translate } from '../activities/runtime/translator';
import { timelineEntryText, type Language } from '../workflows/i18n';
import { sumExact } from '../workflows/domain/money';
import { isChangeRequestField, type ChangeRequestField } from '../workflows/domain/plan-item-states';
import type { RetrospectiveReport, RetrospectiveTimelineEntry } from '../workflows/domain/retrospective-report';

export interface ExportInput {
  report: RetrospectiveReport;
  status: string;
  inputs: { name: string; wentWell: string; toImprove: string; actionItems: string[]; late: boolean }[];
}

/**
 * How one language writes the export's words, numbers and dates. English keeps ISO dates and the
 * codes of statuses as they are; other languages say them through the catalog and `Intl`.
 */
interface Writer {
  t: (key: string, params?: Record<string, unknown>) => string;
  num: (n: number | string | null) => string;
  pct: (n: number) => string;
  day: (iso: string) => string;
  minute: (iso: string) => string;
  value: (code: string) => string;
  /** A change request's field: its code in English, as the report holds it; its words in other languages. */
  field: (code: string) => string;
  timeline: (entry: RetrospectiveTimelineEntry) => string;
  /** A goal: a standard one by its metric in other languages than English, as compiled otherwise (a custom goal's own name). */
  goal: (goal: RetrospectiveReport['goals'][number]) => string;
}

function writerFor(language: Language): Writer {
  const t = translate(language, 'exports') as unknown as Writer['t'];
  const messages = translate(language, 'messages');
  const fieldWords = (field: ChangeRequestField) => messages(`change.fields.${field}`);
  // Grouped, at most two decimals; decimal text goes to Intl as text, so 9007199254740993 stays that.
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const english = language === 'en';
  const percent = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const days = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const minutes = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' });
  return {
    t,
    num: (n) => (n === null ? '—' : numbers.format(n as Parameters<typeof numbers.format>[0])),
    pct: (n) => (english ? `${n.toFixed(1)} %` : `${percent.format(n)}%`),
    day: (iso) => (english ? iso.slice(0, 10) : days.format(new Date(iso))),
    minute: (iso) => (english ? iso.replace('T', ' ').slice(0, 16) : minutes.format(new Date(iso))),
    value: (code) => (english ? code : t(`values.${code}`, { defaultValue: code })),
    field: (code) => (english || !isChangeRequestField(code) ? code : fieldWords(code)),
    timeline: (entry) => timelineEntryText(entry, t, fieldWords),
    goal: (goal) => (english || goal.metric === undefined || goal.metric === 'custom' ? goal.name : t(`values.${goal.metric}`)),
  };
}

type Section = { title: string; head: string[]; rows: string[][] };

/**
 * Each member's rank, name and total; with a balanced scorecard their score and its dimensions,
 * with training their items completed, and with incentives their approved payouts. A column is
 * there only when the report holds its figures, so a review compiled before them reads as it did.
 */
function contribution(report: RetrospectiveReport, w: Writer): Section {
  const { t, num, pct, value } = w;
  const members = report.members;
  const scored = members.some((m) => m.score !== undefined && m.score !== null);
  const trained = members.some((m) => m.training !== undefined);
  const incentives = report.incentives;
  const paid = (memberId: string) => (incentives ? sumExact(incentives.payouts.filter((p) => p.memberId === memberId).map((p) => p.amount)) : '0');
  const head = ['rank', 'member', 'total', ...(scored ? ['score', 'dimensions'] : []), ...(trained ? ['training'] : []), ...(incentives ? ['payouts'] : [])];
  return {
    title: t('sections.contribution'),
    head: head.map((key) => t(`columns.${key}`)),
    rows: members.map((m) => {
      const row = [String(m.rank), m.name, num(m.total)];
      if (scored) {
        const score = m.score === undefined || m.score === null ? '—' : num(m.score);
        row.push(m.reportedNothing ? t('cells.reportedNothing', { score }) : score);
        row.push((m.dimensions ?? []).map((d) => t('cells.dimension', { key: value(d.key), attainment: pct(d.attainmentPct), points: num(d.points) })).join(t('cells.separator')));
      }
      if (trained) {
        const tr = m.training;
        row.push(
          tr === undefined || tr.assigned === 0
            ? '—'
            : [
                t('cells.training', { completed: tr.completed, assigned: tr.assigned, attended: tr.attended }),
                ...(tr.averageScore === null ? [] : [t('cells.trainingScore', { score: num(tr.averageScore) })]),
                ...(tr.topics.length === 0 ? [] : [tr.topics.join(', ')]),
              ].join(' · '),
        );
      }
      if (incentives) row.push(num(paid(m.userId)));
      return row;
    }),
  };
}

function sections(input: ExportInput, w: Writer): Section[] {
  const { report } = input;
  const { t, num, pct, value } = w;
  const head = (...keys: string[]) => keys.map((key) => t(`columns.${key}`));
  return [
    { title: t('sections.goals'), head: head('goal', 'target', 'actual', 'attainment', 'status'), rows: report.goals.map((g) => [w.goal(g), `${num(g.target)} ${g.unit}`, num(g.actual), pct(g.attainmentPct), value(g.status)]) },
    { title: t('sections.milestones'), head: head('milestone', 'due', 'target', 'actualAtDue', 'outcome', 'daysLate', 'owner'), rows: report.milestones.map((m) => [m.name, w.day(m.dueAt), num(m.target), num(m.actual), value(m.status), String(m.daysLate), m.owner]) },
    { title: t('sections.escalations', { count: report.escalations.count, level: report.escalations.highestLevel }), head: head('level', 'count', 'acknowledged', 'avgHoursToAck'), rows: report.escalations.byLevel.map((l) => [String(l.level), String(l.count), String(l.acknowledged), num(l.avgHoursToAck)]) },
    { title: t('sections.approvals', { count: report.approvals.count, rejected: report.approvals.rejections, hours: num(report.approvals.avgTurnaroundHours) }), head: head('approver', 'decision', 'hours'), rows: report.approvals.items.map((a) => [a.approver, value(a.status), num(a.turnaroundHours)]) },
    { title: t('sections.changeRequests'), head: head('subject', 'field', 'before', 'after', 'decision', 'reason'), rows: report.changeRequests.map((c) => [c.subject, w.field(c.field), String(c.before), String(c.after), value(c.status), c.reason]) },
    { title: t('sections.budget'), head: head('category', 'planned', 'spent', 'overrun'), rows: report.budget.map((b) => [b.category, num(b.planned), num(b.spent), pct(b.overrunPct)]) },
    contribution(report, w),
    ...(report.incentives
      ? [
          {
            title: t('sections.incentives', { total: num(report.incentives.approvedTotal) }),
            head: head('member', 'amount', 'decided'),
            rows: report.incentives.payouts.map((p) => [p.name, num(p.amount), p.decidedAt ? w.day(p.decidedAt) : '—']),
          },
        ]
      : []),
    { title: t('sections.risks'), head: head('raisedByEarlyWarning', 'materialised'), rows: [[report.risks.raisedByEarlyWarning.join(', ') || '—', report.risks.materialised.join(', ') || '—']] },
    { title: t('sections.timeline'), head: head('when', 'what'), rows: report.timeline.map((e) => [w.minute(e.at), w.timeline(e)]) },
    { title: t('sections.teamInput'), head: head('who', 'wentWell', 'toImprove', 'actionItems'), rows: input.inputs.map((i) => [i.late ? t('late', { name: i.name }) : i.name, i.wentWell, i.toImprove, i.actionItems.join('; ')]) },
  ];
}

/**
 * Text as Markdown shows it, never as markup: CommonMark's inline punctuation (emphasis, code,
 * links and images, raw HTML, entities, tables' pipes, strikethrough) is backslash-escaped, and
 * line breaks become spaces so that no text starts a block of its own.
 */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>|~!&]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');

/** The review as Markdown, for wikis and e-mail, in `language`. */
export function retrospectiveMarkdown(input: ExportInput, language: Language = 'en'): string {
  const { report } = input;
  const w = writerFor(language);
  const { t } = w;
  const lines = [
    `# ${t('title', { project: escapeMarkdown(report.projectName) })}`,
    '',
    `${t('outcome')}**${escapeMarkdown(w.value(report.outcome))}** · ${t('period', { start: w.day(report.periodStart), end: w.day(report.periodEnd) })} · ${input.status === 'finalized' ? t('final') : t('draft')}`,
  ];
  for (const section of sections(input, w)) {
    lines.push('', `## ${escapeMarkdown(section.title)}`, '');
    if (section.rows.length === 0) {
      lines.push(`_${t('none')}_`);
      continue;
    }
    lines.push(`| ${section.head.map(escapeMarkdown).join(' | ')} |`, `|${section.head.map(() => ' --- ').join('|')}|`);
    for (const row of section.rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The review as a self-contained page laid out for printing (or saving as PDF from the browser), in `language`. */
export function retrospectiveHtml(input: ExportInput, language: Language = 'en'): string {
  const { report } = input;
  const w = writerFor(language);
  const { t } = w;
  const body = sections(input, w)
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.title)}</h2>${
          s.rows.length === 0
            ? `<p class="none">${escapeHtml(t('none'))}</p>`
            : `<table><thead><tr>${s.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${s.rows
                .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
                .join('')}</tbody></table>`
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t('title', { project: report.projectName }))}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1f2933}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #d9e2ec}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef2f6;vertical-align:top}
th{background:#f5f7fa}.meta{color:#52606d}.none{color:#9aa5b1}
@media print{body{margin:0;max-width:none}section{break-inside:avoid}}
</style></head><body>
<h1>${escapeHtml(t('title', { project: report.projectName }))}</h1>
<p class="meta">${escapeHtml(t('outcome'))}<strong>${escapeHtml(w.value(report.outcome))}</strong> · ${escapeHtml(w.day(report.periodStart))} – ${escapeHtml(w.day(report.periodEnd))} · ${escapeHtml(input.status === 'finalized' ? t('final') : t('draftShort'))}</p>
${body}
</body></html>
`;
}
