import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../workflows/flow/simulation';
import { heatOverlay, playbackOverlay, traceOverlay } from '../../designer/src/flow-designer/runs/run-overlay';
import type { FlowRunTrace } from '../../api/contract/flow-runs';

const moment = (iso: string) => `<${iso.slice(11, 16)}>`;
const edges = [
  { id: 'e1', source: 'start', sourcePort: 'next', target: 'decide' },
  { id: 'e2', source: 'decide', sourcePort: 'approved', target: 'yes' },
  { id: 'e3', source: 'decide', sourcePort: 'rejected', target: 'no' },
];

function trace(change: Partial<FlowRunTrace>): FlowRunTrace {
  return {
    id: 'run',
    flowId: 'flow',
    version: 1,
    project: { id: 'p', name: 'Q4 push' },
    triggerEvent: 'plan_submitted',
    subjectId: 'p',
    subjectName: null,
    status: 'running',
    startedAt: '2026-12-01T09:00:00.000Z',
    endedAt: null,
    flowVersionId: 'v1',
    pathSource: 'live',
    unavailable: null,
    result: null,
    path: [{ nodeId: 'start', kind: 'trigger', at: '2026-12-01T09:00:00.000Z', endedAt: null, durationMs: null, port: 'next', note: null }],
    edgesTaken: ['e1'],
    currentNodes: ['decide'],
    waitingFor: [{ requestId: 'r', nodeId: 'decide', kind: 'approval', person: { id: 'dan', name: 'Dan Director' }, until: '2026-12-03T09:00:00.000Z' }],
    decisions: [],
    ...change,
  };
}

describe('a run on the graph', () => {
  it('marks the steps passed, lights the edges taken, and says whom the current step waits for until when', () => {
    const overlay = traceOverlay(trace({}), moment);
    expect(overlay.nodes.start).toEqual({ tone: 'visited', lines: ['<09:00> · next'] });
    expect(overlay.nodes.decide).toMatchObject({ tone: 'current', waiting: 'Waiting for Dan Director until <09:00>' });
    expect(overlay.edges).toEqual({ e1: { taken: true } });
    expect(overlay.nodes.yes).toBeUndefined();
  });

  it('puts each decision on its step, with who decided, when and why', () => {
    const overlay = traceOverlay(
      trace({
        currentNodes: [],
        waitingFor: [],
        status: 'completed',
        path: [{ nodeId: 'decide', kind: 'approval', at: '2026-12-01T09:00:00.000Z', endedAt: '2026-12-01T10:30:00.000Z', durationMs: 90 * 60_000, port: 'rejected', note: null }],
        decisions: [
          {
            requestId: 'r',
            nodeId: 'decide',
            kind: 'approval',
            status: 'rejected',
            asked: { id: 'dan', name: 'Dan Director' },
            askedAt: '2026-12-01T09:00:00.000Z',
            dueAt: '2026-12-03T09:00:00.000Z',
            decidedBy: { id: 'dan', name: 'Dan Director' },
            decidedAt: '2026-12-01T10:30:00.000Z',
            comment: 'Too costly',
            onBehalfOf: null,
            assignmentNote: null,
          },
        ],
      }),
      moment,
      (nodeId, port) => (nodeId === 'decide' && port === 'rejected' ? 'Rejected' : port),
    );
    expect(overlay.nodes.decide).toEqual({ tone: 'visited', lines: ['<09:00> → <10:30> · 1 h 30 min · Rejected', 'Dan Director rejected <10:30>: “Too costly”'] });
  });
});

describe('the heat view', () => {
  it('labels each edge with its runs, thickest for the most taken, and badges steps with their median time', () => {
    const overlay = heatOverlay({
      flowId: 'flow',
      version: 1,
      last: 50,
      runs: 4,
      edges: [
        { edgeId: 'e1', runs: 4 },
        { edgeId: 'e2', runs: 1 },
        { edgeId: 'e3', runs: 0 },
      ],
      nodes: [
        { nodeId: 'decide', runs: 4, medianMs: 2 * 3_600_000, timedSteps: 4 },
        { nodeId: 'start', runs: 4, medianMs: null, timedSteps: 0 },
      ],
    });
    expect(overlay.edges.e1).toEqual({ taken: true, label: '4 runs', width: 8 });
    expect(overlay.edges.e2?.label).toBe('1 run');
    expect(overlay.edges.e3).toEqual({ taken: false, label: '0 runs', width: 1 });
    expect(overlay.nodes.decide?.badge).toBe('median 2 h · 4 runs');
    expect(overlay.nodes.start?.badge).toBe('4 runs');
  });
});

describe('playing back a test run', () => {
  const timeline: TimelineEntry[] = [
    { at: '2026-12-01T09:00:00.000Z', nodeId: 'start', kind: 'trigger', port: 'next', text: 'The plan was submitted' },
    { at: '2026-12-01T09:00:00.000Z', nodeId: 'decide', kind: 'approval', text: 'Dan Director asked to approve, due Thu 09:00' },
    { at: '2026-12-01T11:00:00.000Z', nodeId: 'decide', kind: 'approval', port: 'approved', text: 'Dan Director approved' },
    { at: '2026-12-01T11:00:00.000Z', nodeId: 'yes', kind: 'end', text: 'The flow ended: approved' },
  ];

  it('highlights the current entry’s step with its sentence and lights the edges taken so far', () => {
    const second = playbackOverlay(timeline, 1, edges);
    expect(second.nodes.decide).toEqual({ tone: 'current', lines: ['Dan Director asked to approve, due Thu 09:00'] });
    expect(second.nodes.start?.tone).toBe('visited');
    expect(second.edges).toEqual({ e1: { taken: true, latest: true } });

    const last = playbackOverlay(timeline, 3, edges);
    expect(last.nodes.decide?.tone).toBe('visited');
    expect(last.nodes.yes?.tone).toBe('current');
    expect(last.edges).toEqual({ e1: { taken: true, latest: false }, e2: { taken: true, latest: true } });
  });

  it('shows nothing taken before the first entry', () => {
    expect(playbackOverlay(timeline, -1, edges)).toEqual({ nodes: {}, edges: {} });
  });
});
