import { findEscalation } from '../../db/queries/escalations';
import { projectAccessOf } from '../access/project-access';
import type { AppDeps } from '../deps';
import { decide } from '../decide';
import { escalationDto } from '../dto';
import { ApiError, found, notFound, said } from '../errors';
import { createRouter } from '../router';
import * as routes from '../contract/routes/escalations';
import { findAcknowledgementRequest } from '../../db/queries/approvals';

export function escalationsRouter({ db, temporal }: AppDeps) {
  return createRouter().openapi(
    routes.acknowledgeEscalation,
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const escalation = found(await findEscalation(db, id), 'escalation', id);
      if (escalation.recipientId !== principal.userId) {
        if (!(await projectAccessOf(db, principal, escalation.projectId))) throw notFound('escalation', id);
        throw new ApiError(403, 'forbidden', said('onlyEscalationRecipient'));
      }
      if (principal.role === 'viewer') throw new ApiError(403, 'forbidden', said('viewersAcknowledge'));
      if (escalation.acknowledgedAt) {
        throw new ApiError(409, 'already_acknowledged', said('escalationAcknowledged', { id, at: escalation.acknowledgedAt.toISOString() }));
      }
      // The escalation flow waits for this person's acknowledgement; deciding that request is the ack.
      const acknowledgement = (pendingOnly: boolean) =>
        findAcknowledgementRequest(db, { flowRunId: escalation.flowRunId!, approverId: principal.userId, pendingOnly });
      const request = escalation.flowRunId ? await acknowledgement(true) : undefined;
      if (!request) {
        const answered = escalation.flowRunId ? await acknowledgement(false) : undefined;
        throw answered
          ? new ApiError(409, 'not_open', said('escalationNotOpen', { id }))
          : new ApiError(409, 'not_yet_open', said('escalationNotYetOpen', { id }));
      }
      await decide(db, temporal.client, { requestId: request.id, userId: principal.userId, decision: 'acknowledge' });
      return c.json(escalationDto((await findEscalation(db, id))!), 200);
    },
  );
}
