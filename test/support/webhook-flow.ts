import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { document, endWith, onPlanSubmitted } from './flow-shapes';

/** plan_submitted → a webhook step → approved on success, rejected on failure. */
export function webhookFlow(url: string, { retries = 0, timeoutSeconds = 5, method = 'POST' as 'POST' | 'GET', extraHeaders = {} as Record<string, string> } = {}): FlowDocument {
  return document(
    'Webhook step',
    [
      onPlanSubmitted(),
      {
        id: 'hook',
        kind: 'webhook',
        config: {
          url,
          method,
          headers: { 'Content-Type': 'application/json', 'X-Project': '{{project.id}}', ...extraHeaders },
          ...(method === 'GET' ? {} : { body: '{"project": "{{project.id}}", "name": "{{project.name}}", "owner": "{{project.owner.name}}"}' }),
          retries,
          timeoutSeconds,
        },
      },
      endWith('sent', 'approved'),
      endWith('not_sent', 'rejected'),
    ],
    [
      ['start', 'next', 'hook'],
      ['hook', 'success', 'sent'],
      ['hook', 'failure', 'not_sent'],
    ],
  );
}
