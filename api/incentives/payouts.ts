import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { sql } from 'kysely';
import type { Db } from '../../db/connect';
import { resolveBoundVersion } from '../../db/queries/flows';
import { findIncentiveRules, insertPayoutOnce, raisedByMember } from '../../db/queries/incentives';
import type { IncentivePayout, SalesProject } from '../../db/schema';
import { Dec, exactJsonNumber } from '../../workflows/domain/decimal';
import type { incentivePayout, IncentivePayoutInput } from '../../workflows/incentive-payout';
import { incentivePayoutWorkflowId } from '../../workflows/task-queue';
import type { AppDeps } from '../deps';
import { teamEarnings } from './team-earnings';

/** A payout just recorded, with what its flow needs to start once the transaction has committed. */
export interface EarnedPayout {
  payout: IncentivePayout;
  input: IncentivePayoutInput | null;
}

/**
 * Records what each member earned since their last payout, inside the caller's transaction (after
 * the KPI reports it records): for each member, their earnings so far less everything raised for
 * them before, approved, earned or rejected (a rejected payout is not raised again). The subject
 * `<member>:<earned total>` makes the same finding one payout however often it is made. Without
 * rules or a flow bound to incentive_earned, nothing is earned: the rules decide what a payout is,
 * the flow who decides it.
 */
export async function recordEarnedPayouts(trx: Db, project: Pick<SalesProject, 'id' | 'phase'>, asOf: Date): Promise<EarnedPayout[]> {
  // One settlement per project at a time, so two reports never raise the same money twice.
  await sql`select pg_advisory_xact_lock(hashtext(${`incentives:${project.id}`}))`.execute(trx);
  const rules = await findIncentiveRules(trx, project.id);
  if (!rules) return [];
  const bound = await resolveBoundVersion(trx, project.id, 'incentive_earned');
  if (!bound) return [];
  const raised = await raisedByMember(trx, project.id);
  const earned: EarnedPayout[] = [];
  for (const member of await teamEarnings(trx, project.id, rules, asOf)) {
    const amount = new Dec(member.soFar.total).minus(raised.get(member.memberId) ?? '0');
    if (!amount.greaterThan(0)) continue;
    const payout = await insertPayoutOnce(trx, {
      projectId: project.id,
      memberId: member.memberId,
      subject: `${member.memberId}:${member.soFar.total}`,
      amount: amount.toFixed(2),
      earnedTotal: member.soFar.total,
      earnings: member.soFar,
      asOf,
      budgetLineId: rules.budgetLineId,
    });
    if (!payout) continue;
    const bonuses = member.soFar.bonuses.reduce((sum, bonus) => sum.plus(bonus.amount), new Dec(0));
    earned.push({
      payout,
      input: {
        projectId: project.id,
        payoutId: payout.id,
        phase: project.phase,
        flowVersionId: bound.id,
        variables: {
          payout: {
            id: payout.id,
            amount: exactJsonNumber(payout.amount),
            earnedTotal: exactJsonNumber(member.soFar.total),
            commission: exactJsonNumber(member.soFar.commission),
            bonuses: exactJsonNumber(bonuses.toFixed(2)),
            attainmentPct: Number(member.soFar.attainmentPct),
            quota: exactJsonNumber(member.quota),
            member: { id: member.memberId, name: member.name },
            asOf: asOf.toISOString(),
          },
        },
      },
    });
  }
  return earned;
}

/**
 * Starts each payout's decision on the engine, after its transaction has committed. The workflow
 * id is the payout's, so a retried request cannot start a payout's flow twice.
 */
export async function raiseEarnedPayouts({ client, taskQueue }: AppDeps['temporal'], earned: readonly EarnedPayout[]): Promise<void> {
  for (const { payout, input } of earned) {
    if (!input) continue;
    try {
      await client.workflow.start<typeof incentivePayout>('incentivePayout', {
        workflowId: incentivePayoutWorkflowId(payout.projectId, payout.id),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        taskQueue,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
