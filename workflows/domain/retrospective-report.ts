import type { RagStatus } from './attainment';
import type { GoalMetric } from './smart-goal';

/** What a closing review (复盘) reports: compiled from the database when the project closes. */
/** A member's training over the project: items attended of those assigned, completed, and the average score given. */
export interface RetrospectiveTraining {
  assigned: number;
  attended: number;
  completed: number;
  /** Exact decimal text to two places; null when no score was recorded. */
  averageScore: string | null;
  topics: string[];
}

/** What a timeline entry says, as a message of the shared `exports` catalog (`timeline.<key>`), so that each reader reads it in their language. */
export const timelineMessageKeys = [
  'phase',
  'scheduleSkipped',
  'retrospectiveStarted',
  'milestoneMet',
  'milestoneMissed',
  'escalation',
  'acknowledged',
  'changeRequested',
  'changeApproved',
  'changeRejected',
  'approvalDecided',
] as const;
export type TimelineMessageKey = (typeof timelineMessageKeys)[number];

export interface RetrospectiveTimelineEntry {
  at: string;
  kind: string;
  /** In English, as compiled; the words of reports compiled before entries carried a `message`. */
  text: string;
  /** The message's key and values (names, a level; `field` a change request field's code, `phase` a phase's). */
  message?: { key: TimelineMessageKey; values: Record<string, string | number> };
}

export interface RetrospectiveReport {
  projectId: string;
  projectName: string;
  outcome: string;
  periodStart: string;
  periodEnd: string;
  compiledAt: string;
  /** `target` and `actual` are exact decimal text. */
  /** `name` in English as compiled (a custom goal's own name); `metric` lets each reader name a standard goal in their language (absent in reports compiled before 6 December 2026). */
  goals: { goalId: string; name: string; metric?: GoalMetric; unit: string; target: string; actual: string; attainmentPct: number; status: RagStatus }[];
  milestones: {
    milestoneId: string;
    name: string;
    dueAt: string;
    /** Exact decimal text. */
    target: string;
    /** The KPI total when the due-time check ran, exact decimal text; null when it never ran (closed early). */
    actual: string | null;
    status: 'pending' | 'met' | 'missed';
    /** Days between the due time and the check, for a miss; 0 otherwise. */
    daysLate: number;
    owner: string;
  }[];
  /** Planned vs actual cumulative (exact decimal text), one point per milestone, for the plan-vs-actual line. */
  series: { metric: string; at: string; planned: string; actual: string | null }[];
  escalations: {
    count: number;
    highestLevel: number;
    byLevel: { level: number; count: number; acknowledged: number; avgHoursToAck: number | null }[];
    items: { milestone: string; level: number; recipient: string; createdAt: string; acknowledgedAt: string | null; hoursToAck: number | null }[];
  };
  approvals: {
    count: number;
    rejections: number;
    avgTurnaroundHours: number | null;
    items: { kind: string; approver: string; status: string; createdAt: string; decidedAt: string | null; turnaroundHours: number | null }[];
  };
  changeRequests: { field: string; subject: string; before: unknown; after: unknown; status: string; reason: string; turnaroundHours: number | null }[];
  risks: { raisedByEarlyWarning: string[]; materialised: string[] };
  /** `planned` and `spent` are exact decimal text. */
  budget: { category: string; planned: string; spent: string; overrunPct: number }[];
  /** `total` is exact decimal text. */
  /**
   * Every member: the headline metric's total; with a balanced scorecard, ranked by the score with
   * each dimension shown (`rank` is then the score's); and their training next to their results.
   * The optional fields are absent from reports compiled before scorecards and training existed.
   */
  members: {
    userId: string;
    name: string;
    total: string;
    rank: number;
    score?: string | null;
    reportedNothing?: boolean;
    dimensions?: { key: string; attainmentPct: number; countedPct: number; points: string }[];
    training?: RetrospectiveTraining;
  }[];
  timeline: RetrospectiveTimelineEntry[];
  /** Approved incentive payouts, each once; `amount` and `approvedTotal` are exact to the cent. Absent in reports compiled before incentives existed. */
  incentives?: { approvedTotal: string; payouts: { payoutId: string; memberId: string; name: string; amount: string; decidedAt: string | null }[] };
}

const HOUR_MS = 3_600_000;

/** Hours between two moments, to one decimal; null when the second has not happened. */
export function hoursBetween(from: Date, to: Date | null): number | null {
  return to === null ? null : Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;
}

export function average(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
}

/** Amounts in a stored report as exact text: reports compiled before they were kept as text held them as numbers. */
export function withAmountsAsText(report: RetrospectiveReport): RetrospectiveReport {
  const text = (value: string | number): string => String(value);
  const textOrNull = (value: string | number | null): string | null => (value === null ? null : String(value));
  // Lists a stored report lacks stay lacking: this only reads the amounts in those it has.
  const stored = report as Partial<RetrospectiveReport>;
  return {
    ...report,
    ...(stored.milestones && { milestones: stored.milestones.map((m) => ({ ...m, target: text(m.target), actual: textOrNull(m.actual) })) }),
    ...(stored.series && { series: stored.series.map((p) => ({ ...p, planned: text(p.planned), actual: textOrNull(p.actual) })) }),
    ...(stored.budget && { budget: stored.budget.map((b) => ({ ...b, planned: text(b.planned), spent: text(b.spent) })) }),
  };
}
