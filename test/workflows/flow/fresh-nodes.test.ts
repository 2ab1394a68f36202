import { describe, expect, it } from 'vitest';
import { nodeDef, nodeKinds, outputPortsOf, validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, trigger } from './flow-builder';

const middleKinds = nodeKinds.filter((kind) => kind !== 'trigger' && kind !== 'end');

describe('a step freshly dropped from the palette', () => {
  it.each(middleKinds)('of kind %s validates once its outputs are connected', (kind) => {
    const step = node('step', kind);
    const ports = outputPortsOf(step);
    // A join only makes sense after a split, so it is dropped behind one (whose other branch ends).
    const before = kind === 'parallel_join' ? [node('split', 'parallel_split', { branches: 2 }), end('end_split')] : [];
    const doc = flow(
      [trigger(), ...before, step, ...ports.map((port) => end(`end_${port.id}`))],
      [
        ...(before.length > 0 ? [edge('start', 'next', 'split'), edge('split', 'branch_1', 'step'), edge('split', 'branch_2', 'end_split')] : [edge('start', 'next', 'step')]),
        ...ports.map((port) => edge('step', port.id, `end_${port.id}`)),
      ],
    );
    expect(validateFlow(doc)).toEqual([]);
    expect(nodeDef(kind).inputs).toEqual([{ id: 'in', label: 'In' }]);
  });
});
