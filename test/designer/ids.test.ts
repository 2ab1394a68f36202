import { describe, expect, it } from 'vitest';
import { nodeIdSchema } from '../../workflows/flow';
import { freshId } from '../../designer/src/flow-designer/graph/ids';

describe('fresh ids for new steps', () => {
  it('uses the name itself while it is free, then numbers it', () => {
    expect(freshId('notify', new Set())).toBe('notify');
    expect(freshId('notify', new Set(['notify']))).toBe('notify_2');
    expect(freshId('notify', new Set(['notify', 'notify_2']))).toBe('notify_3');
  });

  it('numbers a copy of a numbered id from its stem', () => {
    expect(freshId('notify_2', new Set(['notify', 'notify_2']))).toBe('notify_3');
  });

  it('always gives an id the flow schema accepts', () => {
    for (const base of ['Tell the boss!', '', '???', 'a'.repeat(300)]) {
      expect(nodeIdSchema.safeParse(freshId(base, new Set())).success).toBe(true);
    }
  });
});
