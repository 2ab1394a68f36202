import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, minimalFlow, node, trigger, withCode } from './flow-builder';

const base = () => [trigger(), node('ack', 'wait_for_ack'), end('done'), end('late')];

describe('validation: edges join existing ports, output to input', () => {
  it('accepts edges from outputs to inputs of existing steps', () => {
    const doc = flow(base(), [edge('start', 'next', 'ack'), edge('ack', 'acknowledged', 'done'), edge('ack', 'timed_out', 'late')]);
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses an edge to a step that does not exist', () => {
    const doc = minimalFlow();
    doc.edges.push(edge('tell', 'next', 'ghost', 'in', 'e9'));
    expect(withCode(validateFlow(doc), 'edge_unknown_node')).toMatchObject([
      {
        edgeId: 'e9',
        code: 'edge_unknown_node',
        message: 'The connection "e9" leads to no step: its end "ghost" is not a step of this flow.',
      },
    ]);
  });

  it('refuses an edge from a port the step does not have, listing the ones it has', () => {
    const doc = flow(base(), [edge('start', 'next', 'ack'), edge('ack', 'maybe', 'done', 'in', 'e2'), edge('ack', 'timed_out', 'late')]);
    const found = withCode(validateFlow(doc), 'edge_unknown_port');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ edgeId: 'e2', nodeId: 'ack' });
    expect(found[0]?.message).toMatch(/starts at "maybe".*its outputs: "acknowledged", "timed_out"/);
  });

  it('refuses an edge that runs the wrong way, from an input or into an output', () => {
    const doc = flow(base(), [
      edge('start', 'next', 'ack'),
      edge('ack', 'in', 'done', 'in', 'backwards'),
      edge('ack', 'timed_out', 'late', 'next', 'into_output'),
    ]);
    const found = withCode(validateFlow(doc), 'edge_unknown_port');
    expect(found.map((d) => d.edgeId)).toEqual(['backwards', 'into_output']);
    expect(found[0]?.message).toMatch(/starts at the input of .*run from an output to an input/);
    expect(found[1]?.message).toMatch(/ends at "next", which is not an input/);
  });

  it('refuses an edge into the trigger', () => {
    const doc = minimalFlow();
    doc.edges.push(edge('tell', 'next', 'start', 'in', 'loop_to_start'));
    expect(withCode(validateFlow(doc), 'edge_unknown_port')[0]?.message).toMatch(/nothing can lead into a trigger/);
  });

  it('refuses two edges from the same output and points to a parallel split instead', () => {
    const doc = minimalFlow();
    doc.nodes.push(end('other'));
    doc.edges.push(edge('tell', 'next', 'other', 'in', 'second'));
    const found = withCode(validateFlow(doc), 'output_already_connected');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ edgeId: 'second', nodeId: 'tell' });
    expect(found[0]?.message).toMatch(/Parallel split/);
  });
});
