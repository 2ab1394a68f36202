import type { Db } from '../../db/connect';
import { findBudgetLine } from '../../db/queries/budget';
import { findIncentiveRules, listPayouts, payoutTotals, upsertIncentiveRules } from '../../db/queries/incentives';
import { listMilestones } from '../../db/queries/projects';
import type { IncentivePayout, IncentiveRulesRow } from '../../db/schema';
import { Dec } from '../../workflows/domain/decimal';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import { seesTeam } from '../access/sees-team';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { invalidFields, said, type ErrorDetail } from '../errors';
import { inProject, requireProject } from '../plan-guard';
import { createRouter } from '../router';
import type { Incentives, Payout } from '../contract/incentives';
import * as routes from '../contract/routes/incentives';
import { recordEarnedPayouts, raiseEarnedPayouts } from '../incentives/payouts';
import { requirePayableRules, saidDetail } from '../incentives/rule-errors';
import { teamEarnings } from '../incentives/team-earnings';
import { budgetLineDto } from './budget';

const rulesDto = (row: IncentiveRulesRow) => ({
  projectId: row.projectId,
  metric: row.metric,
  budgetLineId: row.budgetLineId,
  commission: {
    tiers: row.rules.commission.tiers.map((tier) => ({ fromPct: tier.fromPct, toPct: tier.toPct, rate: String(tier.rate) })),
    cap: row.rules.commission.cap === undefined || row.rules.commission.cap === null ? null : String(row.rules.commission.cap),
  },
  bonuses: row.rules.bonuses.map((bonus) => ({ ...bonus, amount: String(bonus.amount) })),
  recognitions: row.rules.recognitions,
  updatedAt: row.updatedAt.toISOString(),
});

const payoutDto = (payout: IncentivePayout & { memberName: string }): Payout => ({
  id: payout.id,
  projectId: payout.projectId,
  memberId: payout.memberId,
  memberName: payout.memberName,
  amount: new Dec(payout.amount).toFixed(2),
  earnedTotal: new Dec(payout.earnedTotal).toFixed(2),
  asOf: payout.asOf.toISOString(),
  status: payout.status,
  budgetLineId: payout.budgetLineId,
  createdAt: payout.createdAt.toISOString(),
  decidedAt: payout.decidedAt?.toISOString() ?? null,
});

const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Dec(0)).toFixed(2);

async function incentivesOf(db: Db, projectId: string, principal: Principal, team: boolean, asOf: Date): Promise<Incentives> {
  const rules = await findIncentiveRules(db, projectId);
  const view = team ? 'team' : 'own';
  if (!rules) return { asOf: asOf.toISOString(), view, rules: null, members: [], budget: null };
  const everyone = await teamEarnings(db, projectId, rules, asOf);
  const payouts = await listPayouts(db, projectId);
  const members = everyone
    .filter((member) => team || member.memberId === principal.userId)
    .map((member) => {
      const own = payouts.filter((p) => p.memberId === member.memberId);
      const by = (status: IncentivePayout['status']) => sum(own.filter((p) => p.status === status).map((p) => p.amount));
      return { ...member, payouts: { earned: by('earned'), approved: by('approved'), rejected: by('rejected') } };
    });
  const line = team && rules.budgetLineId ? await findBudgetLine(db, projectId, rules.budgetLineId) : undefined;
  const totals = await payoutTotals(db, projectId);
  return {
    asOf: asOf.toISOString(),
    view,
    rules: rulesDto(rules),
    members,
    budget: line
      ? { line: budgetLineDto(line), approvedPayouts: new Dec(totals.approved).toFixed(2), earnedPayouts: new Dec(totals.earned).toFixed(2), forecastTotal: sum(everyone.map((m) => m.atForecast.total)) }
      : null,
  };
}

export function incentivesRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(routes.getIncentives, async (c) => {
      const { id } = c.req.valid('param');
      const { asOf } = c.req.valid('query');
      const principal = c.get('principal');
      const access = await requireProjectAccess(db, principal, id, 'read');
      await requireProject(db, id);
      return c.json(await incentivesOf(db, id, principal, seesTeam(principal, access), asOf ? new Date(asOf) : new Date()), 200);
    })
    .openapi(routes.putIncentiveRules, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its incentive rules');
      const { metric, budgetLineId, ...rules } = body;
      requirePayableRules(rules);
      const row = await inProject(db, id, async (trx, project) => {
        const problems: ErrorDetail[] = [];
        if (budgetLineId && !(await findBudgetLine(trx, project.id, budgetLineId))) problems.push(saidDetail('budgetLineId', said('incentiveRules.noBudgetLine', { id: budgetLineId })));
        const milestones = new Set((await listMilestones(trx, project.id)).map((m) => m.id));
        rules.bonuses.forEach((bonus, index) => {
          if (bonus.kind === 'milestone' && !milestones.has(bonus.milestoneId)) problems.push(saidDetail(`bonuses.${index}.milestoneId`, said('incentiveRules.noMilestone', { id: bonus.milestoneId })));
        });
        if (problems.length > 0) throw invalidFields(problems);
        return upsertIncentiveRules(trx, project.id, { rules, metric, budgetLineId });
      });
      return c.json(rulesDto(row), 200);
    })
    .openapi(routes.listIncentivePayouts, async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const access = await requireProjectAccess(db, principal, id, 'read');
      const payouts = await listPayouts(db, id, seesTeam(principal, access) ? {} : { memberId: principal.userId });
      return c.json(payouts.map(payoutDto), 200);
    })
    .openapi(routes.settleIncentives, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'settle its incentives');
      const earned = await inProject(db, id, (trx, project) => recordEarnedPayouts(trx, project, new Date()));
      await raiseEarnedPayouts(temporal, earned);
      const names = new Map((await listPayouts(db, id)).map((p) => [p.id, p.memberName]));
      return c.json({ payouts: earned.map(({ payout }) => payoutDto({ ...payout, memberName: names.get(payout.id) ?? '' })) }, 200);
    });
}
