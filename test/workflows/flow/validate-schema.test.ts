import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { codes, edge, end, flow, minimalFlow, node, notifyConfig, trigger } from './flow-builder';

describe('validation: document and config schema', () => {
  it('accepts a minimal well-formed flow', () => {
    expect(validateFlow(minimalFlow())).toEqual([]);
  });

  it('refuses something that is not a flow at all, in one sentence', () => {
    const [diagnostic, ...rest] = validateFlow('hello');
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'invalid_document' });
    expect(diagnostic?.message).toBe(
      'This is not a Milepost flow: a flow is a JSON object with a schemaVersion, a name, nodes and edges.',
    );
  });

  it('names the flow setting and path when the document shape is wrong', () => {
    const diagnostics = validateFlow({ ...minimalFlow(), name: '' });
    expect(diagnostics).toMatchObject([
      { code: 'invalid_document', message: 'In the flow, "Flow name" (name) must not be empty.' },
    ]);
  });

  it('pins a malformed node to its id and refuses unknown fields', () => {
    const doc = minimalFlow();
    const diagnostics = validateFlow({ ...doc, nodes: [...doc.nodes, { id: 'odd', kind: 'end', config: {}, colour: 'red' }] });
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid_document', nodeId: 'odd' });
    expect(diagnostics.map((d) => d.message).join(' ')).toMatch(/"colour"/);
  });

  it('reports each config problem on its node, with the setting title and zod path', () => {
    const doc = flow(
      [trigger(), node('wait', 'delay', { duration: { amount: 0, unit: 'hours' } }, 'Cool down'), end()],
      [edge('start', 'next', 'wait'), edge('wait', 'next', 'end')],
    );
    expect(validateFlow(doc)).toMatchObject([
      {
        nodeId: 'wait',
        field: 'duration.amount',
        code: 'invalid_config',
        message: 'In step "Cool down" (wait), "Amount" (duration.amount) must be greater than 0.',
      },
    ]);
  });

  it('explains a missing setting, an unknown choice and a custom check in plain words', () => {
    const doc = flow(
      [
        trigger(),
        node('tell', 'notify', { ...notifyConfig('Hi'), channel: 'pigeon' }),
        node('who', 'notify', notifyConfig('Hi', { kind: 'boss' })),
        node('hook', 'notify', { ...notifyConfig('Hi'), channel: 'webhook' }),
        node('split', 'parallel_split', {}),
        end(),
      ],
      [],
    );
    const messages = validateFlow(doc)
      .filter((d) => d.code === 'invalid_config')
      .map((d) => d.message);
    expect(messages).toEqual([
      'In step "Notify" (tell), "Channel" (channel) must be one of "inbox", "email", "webhook".',
      expect.stringMatching(/^In step "Notify" \(who\), "kind" \(recipient\.kind\) must be one of "project_owner", /),
      'In step "Notify" (hook), "Webhook address" (webhookUrl): A notification sent by webhook needs the web address to send it to.',
      'In step "Parallel split" (split), "Number of branches" (branches) is missing.',
    ]);
  });

  it('words problems with the whole config in the plural', () => {
    const doc = minimalFlow();
    doc.nodes.push(node('blank', 'delay', null), node('odd', 'end', { result: 'done', colour: 'red' }));
    const messages = validateFlow(doc).filter((d) => d.code === 'invalid_config').map((d) => d.message);
    expect(messages).toEqual([
      'In step "Delay" (blank), the settings must be a group of settings.',
      'In step "End" (odd): There is a setting this does not know: "colour".',
    ]);
  });

  it('refuses a step of a kind Milepost does not know', () => {
    const doc = minimalFlow();
    doc.nodes.push(node('x', 'teleport', {}));
    doc.edges.push(edge('end', 'next', 'x'));
    expect(codes(validateFlow(doc))).toContain('unknown_node_kind');
  });

  it('refuses two steps or two connections with the same id', () => {
    const doc = minimalFlow();
    doc.nodes.push(end('end'));
    doc.edges.push({ ...edge('tell', 'next', 'end'), id: doc.edges[0]?.id ?? '' });
    const found = codes(validateFlow(doc));
    expect(found).toContain('duplicate_node_id');
    expect(found).toContain('duplicate_edge_id');
  });
});
