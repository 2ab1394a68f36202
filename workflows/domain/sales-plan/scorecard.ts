import { Dec } from '../decimal';
import { DomainError } from '../errors';

/** `field` names the faulty dimension (`dimensions.2.weightPct`), for the API's 400 details. */
export class ScorecardError extends DomainError<'invalid_scorecard'> {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_scorecard', message);
  }
}

/**
 * A dimension of the balanced scorecard: a goal's metric (revenue, new customers, satisfaction,
 * repurchase rate…) or training completion, with its weight; attainment counts up to `capPct`, so
 * a rep far over one number cannot make up for the others.
 */
export interface ScorecardDimension {
  key: string;
  weightPct: number;
  capPct: number;
}

export interface ScoredMember {
  memberId: string;
  rank: number;
  /** Σ weight × capped attainment, in points out of (100 × the caps' share). */
  score: string;
  dimensions: { key: string; attainmentPct: number; countedPct: number; points: string }[];
  /** True when the member reported nothing: listed, with zeros, not left out. */
  reportedNothing: boolean;
}

export function checkScorecard(dimensions: readonly ScorecardDimension[]): void {
  if (dimensions.length === 0) throw new ScorecardError('dimensions', 'the scorecard has no dimensions');
  const keys = new Set<string>();
  dimensions.forEach((dimension, index) => {
    if (keys.has(dimension.key)) throw new ScorecardError(`dimensions.${index}.key`, `${dimension.key} is in the scorecard twice`);
    keys.add(dimension.key);
    if (!(dimension.weightPct >= 0)) throw new ScorecardError(`dimensions.${index}.weightPct`, 'must be 0 or more');
    if (!(dimension.capPct > 0)) throw new ScorecardError(`dimensions.${index}.capPct`, 'must be more than 0');
  });
  const total = dimensions.reduce((sum, dimension) => sum.plus(dimension.weightPct), new Dec(0));
  if (!total.equals(100)) throw new ScorecardError('dimensions', `the weights add up to ${total.toFixed()} %, not 100 %`);
}

/**
 * Every member scored on every dimension and ranked by the score (ties share a rank, listed by
 * the order given). `attainments` holds each member's attainment in percent per dimension key; a
 * member or a dimension with none counts 0.
 */
export function scoreMembers(dimensions: readonly ScorecardDimension[], members: readonly { memberId: string; attainments: Readonly<Record<string, number | null | undefined>> }[]): ScoredMember[] {
  checkScorecard(dimensions);
  const scored = members.map((member, order) => {
    const parts = dimensions.map((dimension) => {
      const attainmentPct = member.attainments[dimension.key] ?? 0;
      const countedPct = Math.max(0, Math.min(attainmentPct, dimension.capPct));
      return { key: dimension.key, attainmentPct, countedPct, points: new Dec(countedPct).times(dimension.weightPct).dividedBy(100) };
    });
    const score = parts.reduce((sum, part) => sum.plus(part.points), new Dec(0));
    const reportedNothing = dimensions.every((dimension) => member.attainments[dimension.key] === undefined || member.attainments[dimension.key] === null);
    return { memberId: member.memberId, order, score, parts, reportedNothing };
  });
  scored.sort((a, b) => b.score.comparedTo(a.score) || a.order - b.order);
  let rank = 0;
  return scored.map((member, index) => {
    if (index === 0 || !member.score.equals(scored[index - 1]!.score)) rank = index + 1;
    return {
      memberId: member.memberId,
      rank,
      score: member.score.toDecimalPlaces(2).toFixed(),
      dimensions: member.parts.map((part) => ({ key: part.key, attainmentPct: part.attainmentPct, countedPct: part.countedPct, points: part.points.toDecimalPlaces(2).toFixed() })),
      reportedNothing: member.reportedNothing,
    };
  });
}
