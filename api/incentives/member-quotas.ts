import type { Db } from '../../db/connect';
import { goalRowKpiMetric, listGoals } from '../../db/queries/goals';
import { listProjectMembers } from '../../db/queries/members';
import type { PlanPeriod } from '../../workflows/domain/sales-plan/forecast';
import { Dec } from '../../workflows/domain/decimal';

/** A member's quota of the metric incentives pay on, with the plan it is paced by and its period. */
export interface MemberQuota {
  memberId: string;
  name: string;
  quota: string;
  plan: PlanPeriod[];
  from: Date;
  due: Date;
}

/**
 * Each member's quota of `metric`. Until per-member targets exist, the goal of that metric is
 * shared evenly among the project's members (role member), to the cent (the first members take
 * the odd cents), paced evenly over the goal's period.
 */
export async function memberQuotas(db: Db, projectId: string, metric: string): Promise<MemberQuota[]> {
  const goal = (await listGoals(db, projectId)).find((g) => goalRowKpiMetric(g) === metric);
  const members = (await listProjectMembers(db, projectId)).filter((m) => m.role === 'member');
  if (!goal || members.length === 0) return [];
  const cents = new Dec(goal.target).times(100).toDecimalPlaces(0, Dec.ROUND_DOWN);
  const each = cents.dividedToIntegerBy(members.length);
  const odd = cents.minus(each.times(members.length)).toNumber();
  return members.map((member, index) => {
    const quota = each.plus(index < odd ? 1 : 0).dividedBy(100).toFixed(2);
    return { memberId: member.userId, name: member.name, quota, plan: [{ start: goal.periodStart, end: goal.periodEnd, amount: quota }], from: goal.periodStart, due: goal.periodEnd };
  });
}
