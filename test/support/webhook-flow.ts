import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { at } from './flow-runs';

/** plan_submitted → a webhook step → approved on success, rejected on failure. */
export function webhookFlow(url: string, { retries = 0, timeoutSeconds = 5, method = 'POST' as 'POST' | 'GET', extraHeaders = {} as Record<string, string> } = {}): FlowDocument {
  return {
    schemaVersion: 1,
    name: 'Webhook step',
    nodes: [
      { id: 'start', kind: 'trigger', config: { event: 'plan_submitted' }, position: at(0) },
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
        position: at(1),
      },
      { id: 'sent', kind: 'end', config: { result: 'approved' }, position: at(2, 0) },
      { id: 'not_sent', kind: 'end', config: { result: 'rejected' }, position: at(2, 1) },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'hook', targetPort: 'in' },
      { id: 'e2', source: 'hook', sourcePort: 'success', target: 'sent', targetPort: 'in' },
      { id: 'e3', source: 'hook', sourcePort: 'failure', target: 'not_sent', targetPort: 'in' },
    ],
  };
}
