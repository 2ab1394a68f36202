import { createRoute } from '@hono/zod-openapi';
import { findEscalation } from '../../db/queries/escalations';
import type { AppDeps } from '../deps';
import { decide } from '../decide';
import { escalationDto } from '../dto';
import { ApiError, notFound } from '../errors';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../schemas/common';
import { AckBody } from '../schemas/escalations';
import { Escalation } from '../schemas/projects';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export function escalationsRouter({ db, temporal }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/ack',
      tags: ['escalations'],
      summary: 'Acknowledge an escalation (its recipient only); stops it going further up',
      request: { params: IdParam, body: { content: json(AckBody), required: true } },
      responses: {
        200: { description: 'Acknowledged', content: json(Escalation) },
        403: { description: 'Not the recipient', content: errorResponses[400].content },
        409: { description: 'Already acknowledged or no longer open', content: errorResponses[400].content },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { userId } = c.req.valid('json');
      const escalation = await findEscalation(db, id);
      if (!escalation) throw notFound('Escalation', id);
      if (escalation.recipient_id !== userId) {
        throw new ApiError(403, 'not_recipient', 'Only the person this escalation was sent to can acknowledge it.');
      }
      if (escalation.acknowledged_at) {
        throw new ApiError(409, 'already_acknowledged', `Escalation ${id} was already acknowledged at ${escalation.acknowledged_at.toISOString()}.`);
      }
      // The escalation flow waits for this person's acknowledgement; deciding that request is the ack.
      const request = escalation.flow_run_id
        ? await db
            .selectFrom('approval_requests')
            .select('id')
            .where('flow_run_id', '=', escalation.flow_run_id)
            .where('approver_id', '=', userId)
            .where('kind', '=', 'acknowledgement')
            .where('status', '=', 'pending')
            .executeTakeFirst()
        : undefined;
      if (!request) {
        const answered = escalation.flow_run_id
          ? await db.selectFrom('approval_requests').select('id').where('flow_run_id', '=', escalation.flow_run_id).where('approver_id', '=', userId).where('kind', '=', 'acknowledgement').executeTakeFirst()
          : undefined;
        throw answered
          ? new ApiError(409, 'not_open', `Escalation ${id} is no longer waiting for an acknowledgement (its time ran out and it went further up).`)
          : new ApiError(409, 'not_yet_open', `Escalation ${id} is still being delivered; its acknowledgement opens in a moment.`);
      }
      await decide(db, temporal.client, { requestId: request.id, userId, decision: 'acknowledge' });
      return c.json(escalationDto((await findEscalation(db, id))!), 200);
    },
  );
}
