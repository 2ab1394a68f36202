import { describe, expect, it } from 'vitest';
import { edgesTaken, formatDuration, median, runHeat, stepDurationMs, type RunPathStep, type TraceEdge } from '../../../workflows/flow/run-trace';

/** start → decide; decide approved → yes, rejected → no, timed_out → tell → no. */
const edges: TraceEdge[] = [
  { id: 'e1', source: 'start', sourcePort: 'next', target: 'decide' },
  { id: 'e2', source: 'decide', sourcePort: 'approved', target: 'yes' },
  { id: 'e3', source: 'decide', sourcePort: 'rejected', target: 'no' },
  { id: 'e4', source: 'decide', sourcePort: 'timed_out', target: 'tell' },
  { id: 'e5', source: 'tell', sourcePort: 'next', target: 'no' },
];

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
const step = (nodeId: string, from: number, to?: number, port?: string): RunPathStep => ({
  nodeId,
  kind: nodeId,
  at: at(from),
  ...(to === undefined ? {} : { endedAt: at(to) }),
  ...(port === undefined ? {} : { port }),
});

describe('edges a run took', () => {
  it('follows each step that leaves through a port to the step at the edge’s target', () => {
    const path = [step('start', 0, 0, 'next'), step('decide', 0, 30, 'approved'), step('yes', 30, 30)];
    expect(edgesTaken(path, edges)).toEqual(['e1', 'e2']);
  });

  it('counts an edge into the step the run waits at now, which is not in the path yet', () => {
    expect(edgesTaken([step('start', 0, 0, 'next')], edges, ['decide'])).toEqual(['e1']);
  });

  it('does not count an edge whose target the path never reached', () => {
    expect(edgesTaken([step('start', 0, 0, 'next')], edges)).toEqual([]);
  });

  it('ignores notes, which leave through no port', () => {
    const path = [step('start', 0, 0, 'next'), { nodeId: 'decide', kind: 'approval', at: at(1), note: 'told 2 people' }, step('decide', 0, 5, 'timed_out'), step('tell', 5, 5, 'next'), step('no', 5, 5)];
    expect(edgesTaken(path, edges)).toEqual(['e1', 'e4', 'e5']);
  });

  it('takes every branch a parallel split leaves through, into a join reached once', () => {
    const parallel: TraceEdge[] = [
      { id: 'a', source: 'split', sourcePort: 'branch_1', target: 'left' },
      { id: 'b', source: 'split', sourcePort: 'branch_2', target: 'right' },
      { id: 'c', source: 'left', sourcePort: 'next', target: 'join' },
      { id: 'd', source: 'right', sourcePort: 'next', target: 'join' },
    ];
    const path = [step('split', 0, 0, 'branch_1,branch_2'), step('left', 0, 1, 'next'), step('right', 0, 2, 'next'), step('join', 2, 2)];
    expect(edgesTaken(path, parallel)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('heat over many runs', () => {
  it('counts how many runs took each edge and the median time in each step', () => {
    const approvedAfter = (minutes: number) => [step('start', 0, 0, 'next'), step('decide', 0, minutes, 'approved'), step('yes', minutes, minutes)];
    const rejected = [step('start', 0, 0, 'next'), step('decide', 0, 50, 'rejected'), step('no', 50, 50)];
    const heat = runHeat([approvedAfter(10), approvedAfter(20), rejected], edges);
    expect(heat.runs).toBe(3);
    expect(heat.edgeRuns).toEqual({ e1: 3, e2: 2, e3: 1 });
    expect(heat.nodes.decide).toEqual({ runs: 3, medianMs: 20 * 60_000, timedSteps: 3 });
    expect(heat.nodes.tell).toBeUndefined();
  });

  it('counts a run once per edge even when a loop takes it twice', () => {
    const loop: TraceEdge[] = [
      { id: 'again', source: 'wait', sourcePort: 'timed_out', target: 'wait' },
      { id: 'done', source: 'wait', sourcePort: 'acknowledged', target: 'end' },
    ];
    const path = [step('wait', 0, 5, 'timed_out'), step('wait', 5, 10, 'timed_out'), step('wait', 10, 12, 'acknowledged'), step('end', 12, 12)];
    const heat = runHeat([path], loop);
    expect(heat.edgeRuns).toEqual({ again: 1, done: 1 });
    expect(heat.nodes.wait).toEqual({ runs: 1, medianMs: 5 * 60_000, timedSteps: 3 });
  });

  it('has no median for steps whose end was not recorded', () => {
    const heat = runHeat([[step('start', 0, undefined, 'next'), step('decide', 0)]], edges);
    expect(heat.nodes.decide).toEqual({ runs: 1, medianMs: null, timedSteps: 0 });
  });
});

describe('durations', () => {
  it('measures a step from its start to its end, and not at all without an end', () => {
    expect(stepDurationMs(step('decide', 0, 90))).toBe(90 * 60_000);
    expect(stepDurationMs(step('decide', 0))).toBeNull();
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('reads as at most two units', () => {
    expect(formatDuration(12_000)).toBe('12 s');
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
    expect(formatDuration((3 * 24 + 2) * 3_600_000 + 60_000)).toBe('3 d 2 h');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
  });
});
