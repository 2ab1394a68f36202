import type { Db } from '../../db/connect';
import { userNames } from '../../db/queries/dashboard';
import { listMemberQuotas } from '../../db/queries/goal-allocations';
import type { PlanPeriod } from '../../workflows/domain/sales-plan/forecast';

/** A member's quota of the metric incentives pay on, with the plan it is paced by and its period. */
export interface MemberQuota {
  memberId: string;
  name: string;
  quota: string;
  /** Their months of the quota, which the forecast paces their revenue against. */
  plan: PlanPeriod[];
  from: Date;
  due: Date;
}

/**
 * Each member's quota of `metric`: their allocation of the first goal of that metric that is
 * allocated to members (see the quota part of the sales plan). A team's part is no one person's
 * quota, so it earns no commission; nobody holds a quota before the goal is allocated.
 */
export async function memberQuotas(db: Db, projectId: string, metric: string): Promise<MemberQuota[]> {
  const held = (await listMemberQuotas(db, projectId)).filter((q) => q.metric === metric && q.userId !== null);
  const goalId = held[0]?.goalId;
  const ofGoal = held.filter((q) => q.goalId === goalId);
  const names = await userNames(db, ofGoal.map((q) => q.userId!));
  return ofGoal.map((q) => ({
    memberId: q.userId!,
    name: names.get(q.userId!) ?? q.userId!,
    quota: q.quota,
    plan: q.months.map((month) => ({ start: month.start, end: month.end, amount: month.amount })),
    from: q.periodStart,
    due: q.periodEnd,
  }));
}
