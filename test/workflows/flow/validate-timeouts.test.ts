import { describe, expect, it } from 'vitest';
import { nodeCatalog, validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, trigger, withCode } from './flow-builder';

function withoutTimeout(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'timeout'));
}

describe('validation: every wait and approval has a timeout', () => {
  it('accepts a wait and an approval that each say how long people have', () => {
    const doc = flow(
      [trigger(), node('ack', 'wait_for_ack'), node('ok', 'approval'), end('a'), end('b')],
      [
        edge('start', 'next', 'ack'),
        edge('ack', 'acknowledged', 'ok'),
        edge('ack', 'timed_out', 'b'),
        edge('ok', 'approved', 'a'),
        edge('ok', 'rejected', 'b'),
        edge('ok', 'timed_out', 'b'),
      ],
    );
    expect(withCode(validateFlow(doc), 'missing_timeout')).toEqual([]);
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses a wait for acknowledgement without a timeout, in words that say why', () => {
    const doc = flow(
      [trigger(), node('ack', 'wait_for_ack', withoutTimeout(nodeCatalog.wait_for_ack.defaults), 'Manager confirms'), end('a'), end('b')],
      [edge('start', 'next', 'ack'), edge('ack', 'acknowledged', 'a'), edge('ack', 'timed_out', 'b')],
    );
    expect(withCode(validateFlow(doc), 'missing_timeout')).toMatchObject([
      {
        nodeId: 'ack',
        field: 'timeout',
        code: 'missing_timeout',
        message:
          'The step "Manager confirms" (ack) has no timeout (timeout). Every wait and approval must say how long people have, so that nothing can hang silently.',
      },
    ]);
  });

  it('refuses an approval without a timeout', () => {
    const doc = flow(
      [trigger(), node('ok', 'approval', withoutTimeout(nodeCatalog.approval.defaults)), end()],
      [edge('start', 'next', 'ok'), edge('ok', 'approved', 'end'), edge('ok', 'rejected', 'end'), edge('ok', 'timed_out', 'end')],
    );
    expect(withCode(validateFlow(doc), 'missing_timeout')).toMatchObject([{ nodeId: 'ok' }]);
  });
});
