import { describe, expect, it } from 'vitest';
import { coalesceMs, emptyHistory, historyLimit, record, redo, undo } from '../../designer/src/flow-designer/graph/history';

describe('undo and redo', () => {
  it('undoes back to the state before a change and redoes it again', () => {
    const history = record(emptyHistory<string>(), 'before');
    const undone = undo(history, 'after');
    expect(undone?.state).toBe('before');
    const redone = redo(undone!.history, 'before');
    expect(redone?.state).toBe('after');
    expect(redone?.history.past).toEqual(['before']);
  });

  it('has nothing to undo or redo at the start', () => {
    expect(undo(emptyHistory<string>(), 'x')).toBeNull();
    expect(redo(emptyHistory<string>(), 'x')).toBeNull();
  });

  it('forgets what could be redone once a new change is made', () => {
    const undone = undo(record(emptyHistory<string>(), 'a'), 'b');
    expect(record(undone!.history, 'a').future).toEqual([]);
  });

  it('makes quick edits of the same field one undo step, and slow ones separate steps', () => {
    let history = record(emptyHistory<string>(), 'v0', 'config:ack', 1000);
    history = record(history, 'v1', 'config:ack', 1000 + coalesceMs / 2);
    expect(history.past).toEqual(['v0']);
    history = record(history, 'v2', 'config:ack', 1000 + coalesceMs * 3);
    expect(history.past).toEqual(['v0', 'v2']);
    history = record(history, 'v3', 'config:other', 1000 + coalesceMs * 3 + 1);
    expect(history.past).toEqual(['v0', 'v2', 'v3']);
  });

  it('keeps at most the last hundred steps', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < historyLimit + 20; i += 1) history = record(history, i);
    expect(history.past).toHaveLength(historyLimit);
    expect(history.past[0]).toBe(20);
  });
});
