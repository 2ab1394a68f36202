import { describe, expect, it } from 'vitest';
import { checkConnection, isValidConnection } from '../../../workflows/flow';
import { edge, end, flow, node, trigger } from './flow-builder';

const graph = flow(
  [trigger(), node('ack', 'wait_for_ack'), node('cond', 'condition'), node('pause', 'delay'), end()],
  [edge('start', 'next', 'ack', 'in', 'e1')],
);

describe('connections while dragging', () => {
  it('allows an output to an input', () => {
    expect(isValidConnection(graph, edge('ack', 'timed_out', 'cond'))).toBe(true);
    expect(isValidConnection(graph, edge('cond', 'false', 'end'))).toBe(true);
  });

  it('refuses starting at an input or at a port the step does not have', () => {
    expect(checkConnection(graph, edge('ack', 'in', 'cond'))).toEqual({
      ok: false,
      refusal: 'not_an_output',
      reason: expect.stringMatching(/must start at an output/),
    });
    expect(isValidConnection(graph, edge('cond', 'maybe', 'end'))).toBe(false);
  });

  it('refuses ending at an output, and anything leading into the trigger', () => {
    expect(checkConnection(graph, edge('cond', 'true', 'ack', 'timed_out'))).toEqual({
      ok: false,
      refusal: 'not_an_input',
      reason: expect.stringMatching(/must end at the input/),
    });
    expect(checkConnection(graph, edge('cond', 'true', 'start', 'in'))).toEqual({
      ok: false,
      refusal: 'into_trigger',
      reason: expect.stringMatching(/Nothing can lead into a trigger/),
    });
  });

  it('refuses a second edge from an output that already leads somewhere, but allows moving that edge', () => {
    expect(checkConnection(graph, edge('start', 'next', 'cond'))).toEqual({
      ok: false,
      refusal: 'output_taken',
      reason: expect.stringMatching(/already leads somewhere/),
    });
    expect(isValidConnection(graph, { ...edge('start', 'next', 'cond'), id: 'e1' })).toBe(true);
  });

  it('refuses a step leading straight back to itself unless it waits', () => {
    expect(isValidConnection(graph, edge('cond', 'true', 'cond'))).toBe(false);
    expect(isValidConnection(graph, edge('pause', 'next', 'pause'))).toBe(true);
  });

  it('refuses connections to steps that do not exist', () => {
    expect(isValidConnection(graph, edge('cond', 'true', 'ghost'))).toBe(false);
  });
});
