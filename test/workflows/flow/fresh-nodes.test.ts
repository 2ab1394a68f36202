import { describe, expect, it } from 'vitest';
import { nodeDef, nodeKinds, outputPortsOf, validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, trigger } from './flow-builder';

const middleKinds = nodeKinds.filter((kind) => kind !== 'trigger' && kind !== 'end');

describe('a step freshly dropped from the palette', () => {
  it.each(middleKinds)('of kind %s validates once its outputs are connected', (kind) => {
    const step = node('step', kind);
    const ports = outputPortsOf(step);
    const doc = flow(
      [trigger(), step, ...ports.map((port) => end(`end_${port.id}`))],
      [edge('start', 'next', 'step'), ...ports.map((port) => edge('step', port.id, `end_${port.id}`))],
    );
    expect(validateFlow(doc)).toEqual([]);
    expect(nodeDef(kind).inputs).toEqual([{ id: 'in', label: 'In' }]);
  });
});
