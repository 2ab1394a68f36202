import { DateTime } from 'luxon';
import type { SampleWords } from './sample-words';
import { DEFAULT_TIME_ZONE, decomposeTargetTree, type AccessRole, type CalendarDuration, type TargetNode } from '../../workflows/domain';

// What the sample company is: pure data and dates counted from "now", so every screen shows a
// plan under way whenever it is loaded. Loading it (load-sample-company.ts) writes it through the
// same queries and lifecycle as real data.

/** Every sample person's e-mail is at this domain (`.invalid` never delivers), and every name carries the sample's mark (sample-words.ts). */
export const sampleEmailDomain = 'sample-company.milepost.invalid';

export type SamplePersonKey = 'head' | 'north' | 'south' | 'rita' | 'ravi' | 'sam' | 'sara';

/** Three levels: the head of sales (reporting to whoever loads the sample), two regional managers, four reps; named in the loader's language (sample-words.ts). */
export const samplePeople: readonly { key: SamplePersonKey; role: AccessRole; reportsTo: SamplePersonKey | null }[] = [
  { key: 'head', role: 'manager', reportsTo: null },
  { key: 'north', role: 'manager', reportsTo: 'head' },
  { key: 'south', role: 'manager', reportsTo: 'head' },
  { key: 'rita', role: 'member', reportsTo: 'north' },
  { key: 'ravi', role: 'member', reportsTo: 'north' },
  { key: 'sam', role: 'member', reportsTo: 'south' },
  { key: 'sara', role: 'member', reportsTo: 'south' },
];

export const sampleEmailOf = (key: SamplePersonKey) => `${key}@${sampleEmailDomain}`;

export const annualTarget = 5_000_000;

const timeZone = DEFAULT_TIME_ZONE;
const day = 86_400_000;

export interface SampleMilestone {
  name: string;
  description: string;
  dueAt: Date;
  targetValue: string;
  owner: SamplePersonKey;
  /** Tied to the annual goal (cumulative from its start), or a target of its own over `periodStart` → due. */
  ofGoal: boolean;
  periodStart: Date | null;
  warningOffset: CalendarDuration | null;
  warningThresholdPct: number;
}

export interface SampleKpiReport {
  value: string;
  reportedAt: Date;
  reporter: SamplePersonKey;
}

/** The nodes of one level of the year → quarter → month split, in order. */
function level(tree: TargetNode, wanted: TargetNode['level']): TargetNode[] {
  const found: TargetNode[] = [];
  const visit = (node: TargetNode) => (node.level === wanted ? found.push(node) : node.children.forEach(visit));
  visit(tree);
  return found;
}

/**
 * The annual plan: 5,000,000 in revenue over twelve months that began with the quarter two months
 * ago, split into quarters and months (milestones at each end), the months already over reported
 * a little above target (so they are met), and one deal due in two days far short of its target:
 * the milestone about to be missed.
 */
export function annualPlan(now: Date, words: SampleWords) {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).minus({ months: 2 }).startOf('quarter');
  const periodStart = start.toJSDate();
  const periodEnd = start.plus({ months: 12 }).toJSDate();
  const tree = decomposeTargetTree({ total: annualTarget, periodStart, periodEnd, granularity: 'month', timeZone });
  const quarters = level(tree, 'quarter');
  const months = level(tree, 'month');
  const fromGoal = { ofGoal: true, periodStart: null, warningOffset: { amount: 5, unit: 'business_days' } as const, warningThresholdPct: 80 };
  const milestones: SampleMilestone[] = [
    ...quarters.map((q) => ({ ...fromGoal, name: words.revenueMilestone(q.label), description: words.revenueDescription(q.label), dueAt: q.end, targetValue: q.cumulative, owner: 'head' as const })),
    ...months.map((m, i) => ({
      ...fromGoal,
      name: words.revenueMilestone(m.label),
      description: words.revenueDescription(m.label),
      dueAt: m.end,
      targetValue: m.cumulative,
      owner: i % 2 === 0 ? ('north' as const) : ('south' as const),
    })),
    {
      name: words.dealMilestoneName,
      description: words.dealDescription,
      dueAt: new Date(now.getTime() + 2 * day),
      targetValue: '900000',
      owner: 'rita',
      ofGoal: false,
      periodStart: new Date(now.getTime() - 3 * day),
      warningOffset: { amount: 5, unit: 'business_days' },
      warningThresholdPct: 80,
    },
  ];
  // Months already over: two reps' reports that add up to 105 % of the month. The current one:
  // one report so far, the deal's first payment, far from the 900,000 it needs in two days.
  const reports: SampleKpiReport[] = months
    .filter((m) => m.end.getTime() <= now.getTime())
    .flatMap((m, i) => {
      const mid = DateTime.fromJSDate(m.start, { zone: timeZone }).plus({ days: 14, hours: 10 }).toJSDate();
      // Whole units (the split's scale is 0), in exact integers.
      const firstPart = (m.amountMinor * 60n) / 100n;
      const total = (m.amountMinor * 105n) / 100n;
      const [first, second]: [SamplePersonKey, SamplePersonKey] = i % 2 === 0 ? ['rita', 'ravi'] : ['sam', 'sara'];
      return [
        { value: String(firstPart), reportedAt: mid, reporter: first },
        { value: String(total - firstPart), reportedAt: new Date(mid.getTime() + 7 * day), reporter: second },
      ];
    });
  reports.push({ value: '120000', reportedAt: new Date(now.getTime() - day), reporter: 'rita' });
  return { periodStart, periodEnd, milestones, reports };
}

/** The second project: next quarter's new-customer push, submitted and waiting for the head of sales' manager. */
export function pushPlan(now: Date, words: SampleWords) {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const periodStart = start.toJSDate();
  const periodEnd = start.plus({ months: 3 }).toJSDate();
  const halfway = start.plus({ weeks: 6 }).toJSDate();
  return {
    periodStart,
    periodEnd,
    target: '40',
    milestone: { name: words.pushMilestoneName, dueAt: halfway, targetValue: '20', owner: 'south' as const },
  };
}
