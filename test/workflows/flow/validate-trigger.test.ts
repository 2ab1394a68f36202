import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, withCode, trigger, minimalFlow } from './flow-builder';

describe('validation: exactly one trigger', () => {
  it('accepts a flow with one trigger', () => {
    expect(withCode(validateFlow(minimalFlow()), 'no_trigger')).toEqual([]);
    expect(withCode(validateFlow(minimalFlow()), 'multiple_triggers')).toEqual([]);
  });

  it('refuses a flow without a trigger', () => {
    const diagnostics = validateFlow(flow([end()], []));
    expect(withCode(diagnostics, 'no_trigger')).toMatchObject([
      { code: 'no_trigger', message: 'The flow has no trigger. Add one "Trigger" step to say which event starts it.' },
    ]);
  });

  it('refuses a flow with two triggers and names the second one', () => {
    const doc = flow(
      [trigger('first'), trigger('second', 'plan_submitted'), end()],
      [edge('first', 'next', 'end'), edge('second', 'next', 'end')],
    );
    const found = withCode(validateFlow(doc), 'multiple_triggers');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ nodeId: 'second' });
    expect(found[0]?.message).toMatch(/step "Trigger" \(second\) is a second trigger/);
  });
});
