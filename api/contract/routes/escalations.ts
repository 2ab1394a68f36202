import { routesOf, json, refusal, optionalJsonBody } from './define-routes';
import { IdParam } from '../common';
import { AckBody } from '../escalations';
import { Escalation } from '../projects';

const route = routesOf('escalations');

export const acknowledgeEscalation = route.post('/api/escalations/{id}/ack', {
  summary: 'Acknowledge an escalation (its recipient only; no body needed); stops it going further up',
  request: { params: IdParam, body: optionalJsonBody(AckBody) },
  responses: { 200: json('Acknowledged', Escalation), 409: refusal('Already acknowledged or no longer open') },
});
