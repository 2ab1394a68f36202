import type { z } from '@hono/zod-openapi';
import type { ApprovalRequest } from '../../db/schema';
import type { Principal } from '../auth/principal';
import type { ApprovalCan } from '../contract/can';
import { ApiError, said } from '../errors';

/** Decisions are made with one's own role: a viewer (or a viewer-scoped token) only reads. */
const decidesWith = (principal: Pick<Principal, 'role'>) => principal.role !== 'viewer';

/** The decision route's guard: 403 unless the request is assigned to this person, who decides with a role that may. */
export function requireMayDecide(principal: Pick<Principal, 'role'>, assigned: boolean): void {
  if (!assigned) throw new ApiError(403, 'forbidden', said('onlyAssigneeReads'));
  if (!decidesWith(principal)) throw new ApiError(403, 'forbidden', said('viewersDecide'));
}

/**
 * The `can` of a request's DTO, by the same rule (an answered request takes no more decisions);
 * `delegable`: the request is one that may be handed on at all (see delegableRequestIds).
 */
export function approvalCan(principal: Pick<Principal, 'role' | 'userId'>, row: Pick<ApprovalRequest, 'approverId' | 'status'>, delegable: boolean): z.infer<typeof ApprovalCan> {
  const decide = row.status === 'pending' && row.approverId === principal.userId && decidesWith(principal);
  return { decide, delegate: decide && delegable };
}
