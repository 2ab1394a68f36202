import { attainmentPercent } from '../attainment';
import { Dec } from '../decimal';
import { sumExact } from '../money';
import type { GoalDirection } from '../smart-goal';
import { scoreMembers, type ScorecardDimension, type ScoredMember } from './scorecard';

export const trainingKinds = ['internal', 'external', 'mentoring'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

/** The scorecard dimension that counts training completion rather than a goal's KPI. */
export const trainingDimensionKey = 'training';

/** A stored dimension: `key` is a goal's KPI metric (revenue, new_customers…) or `training`. */
export type ScorecardDimensionConfig = ScorecardDimension;

/** A member's quota of a goal, month by month (the months sum to their quota). */
export interface MemberQuotaMonths {
  memberId: string;
  months: readonly { start: Date; end: Date; amount: string }[];
}

/** What a member's score is computed from, over one window (a month, or the whole project). */
export interface ScorecardInputs {
  dimensions: readonly ScorecardDimensionConfig[];
  /** Every member to list, in the order ties keep. */
  members: readonly { id: string; name: string }[];
  /** The goals whose KPI metrics dimensions name. */
  goals: readonly {
    kpiMetric: string;
    direction: GoalDirection;
    aggregation: 'sum' | 'latest';
    target: string;
    periodStart: Date;
    periodEnd: Date;
    /** The members' own quotas of the goal by month, when it is allocated to members (see the quota part of the sales plan). */
    quotas?: readonly MemberQuotaMonths[];
  }[];
  /** KPI reports by member, oldest first. */
  reports: readonly { memberId: string; metric: string; value: string; reportedAt: Date }[];
  /** Each member's training items dated in the window, and whether each is completed. */
  training: readonly { memberId: string; completed: boolean }[];
  from: Date;
  to: Date;
}

/** The share of `target` that falls in [from, to), pro-rated by time over the goal's period (the whole target for a window that covers it). */
function windowShare(target: string, goal: { periodStart: Date; periodEnd: Date }, from: Date, to: Date): Dec {
  const span = goal.periodEnd.getTime() - goal.periodStart.getTime();
  const overlap = Math.max(0, Math.min(to.getTime(), goal.periodEnd.getTime()) - Math.max(from.getTime(), goal.periodStart.getTime()));
  return span > 0 ? new Dec(target).times(overlap).dividedBy(span) : new Dec(target);
}

/** The part of a member's quota that falls in [from, to): each month's amount, pro-rated by time for a month the window only partly covers. */
function quotaInWindow(quota: MemberQuotaMonths, from: Date, to: Date): Dec {
  return quota.months.reduce((sum, month) => sum.plus(windowShare(month.amount, { periodStart: month.start, periodEnd: month.end }, from, to)), new Dec(0));
}

/**
 * Each member's attainment per dimension in the window, in percent; undefined when they reported
 * nothing towards it (then it counts 0 and, for all dimensions, the member is `reportedNothing`).
 * - A total (revenue, new customers): the member's total against their own quota for the window
 *   when the goal is allocated to members (their months in the window; a member who holds no part
 *   of it has no target there, so the dimension counts nothing for them); for a goal not allocated,
 *   against an equal share of its target for the window (target × window's part of the goal
 *   period ÷ number of members).
 * - A rate or score (satisfaction, repurchase rate): the member's latest value in the window
 *   against the goal's target itself.
 * - Training: items completed of those the member attends dated in the window.
 */
export function memberAttainments(inputs: ScorecardInputs): { memberId: string; attainments: Record<string, number | undefined> }[] {
  const { dimensions, members, goals, reports, training, from, to } = inputs;
  const inWindow = reports.filter((r) => r.reportedAt >= from && r.reportedAt < to);
  const count = Math.max(1, members.length);
  return members.map((member) => {
    const attainments: Record<string, number | undefined> = {};
    for (const dimension of dimensions) {
      if (dimension.key === trainingDimensionKey) {
        const items = training.filter((t) => t.memberId === member.id);
        attainments[dimension.key] = items.length === 0 ? undefined : (items.filter((t) => t.completed).length * 100) / items.length;
        continue;
      }
      const goal = goals.find((g) => g.kpiMetric === dimension.key);
      const values = inWindow.filter((r) => r.memberId === member.id && r.metric === dimension.key).map((r) => r.value);
      if (!goal || values.length === 0) {
        attainments[dimension.key] = undefined;
        continue;
      }
      if (goal.aggregation === 'latest') {
        attainments[dimension.key] = attainmentPercent({ actual: values.at(-1)!, target: goal.target, direction: goal.direction });
        continue;
      }
      const allocated = goal.quotas !== undefined && goal.quotas.length > 0;
      const own = goal.quotas?.find((q) => q.memberId === member.id);
      if (allocated && !own) {
        attainments[dimension.key] = undefined;
        continue;
      }
      const share = own ? quotaInWindow(own, from, to) : windowShare(goal.target, goal, from, to).dividedBy(count);
      attainments[dimension.key] = share.isZero() ? 100 : attainmentPercent({ actual: sumExact(values), target: share.toFixed(), direction: goal.direction });
    }
    return { memberId: member.id, attainments };
  });
}

export type ScoredMemberWithName = ScoredMember & { name: string };

/** Every member scored and ranked by the weighted score, named. */
export function scorecardRanking(inputs: ScorecardInputs): ScoredMemberWithName[] {
  const names = new Map(inputs.members.map((m) => [m.id, m.name]));
  return scoreMembers(inputs.dimensions, memberAttainments(inputs)).map((m) => ({ ...m, name: names.get(m.memberId) ?? m.memberId }));
}
