import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../workflows/flow';
import { diagnosticsFromApiDetails, fieldHasProblem, groupProblems, mergeDiagnostics } from '../../designer/src/flow-designer/graph/diagnostics';

const dangling: Diagnostic = { nodeId: 'a', code: 'dangling_output', message: 'Step a leads nowhere.' };
const badRole: Diagnostic = { nodeId: 'b', field: 'recipient.role', code: 'invalid_config', message: 'Role is wrong.' };

describe('diagnostics on the canvas', () => {
  it('reads the API’s refusal back as diagnostics on nodes, fields and edges', () => {
    expect(
      diagnosticsFromApiDetails([
        { path: 'nodes.step.v2.recipient.role', message: 'Role is wrong.', code: 'invalid_config', nodeId: 'step.v2' },
        { path: 'edges.e1', message: 'Edge to nowhere.', code: 'edge_unknown_node' },
        { path: '', message: 'No trigger.', code: 'no_trigger' },
        { path: 'x', message: 'Odd.', code: 'not_a_code' },
      ]),
    ).toEqual([
      { nodeId: 'step.v2', field: 'recipient.role', code: 'invalid_config', message: 'Role is wrong.' },
      { edgeId: 'e1', code: 'edge_unknown_node', message: 'Edge to nowhere.' },
      { code: 'no_trigger', message: 'No trigger.' },
      { code: 'invalid_document', message: 'Odd.' },
    ]);
  });

  it('adds only what the server found that the browser did not', () => {
    const serverOnly: Diagnostic = { nodeId: 'c', code: 'needs_fallback', message: 'Nobody has this role.' };
    expect(mergeDiagnostics([dangling], [{ ...dangling }, serverOnly])).toEqual([dangling, serverOnly]);
  });

  it('groups problems by step and keeps an unchanged group the same object', () => {
    const first = groupProblems([dangling, badRole], 'nodeId');
    expect(Object.keys(first)).toEqual(['a', 'b']);
    const second = groupProblems([{ ...dangling }, { ...badRole, message: 'Role is still wrong.' }], 'nodeId', first);
    expect(second.a).toBe(first.a);
    expect(second.b).not.toBe(first.b);
    expect(groupProblems([dangling], 'edgeId')).toEqual({});
  });

  it('marks a form field when a diagnostic names it or something inside it', () => {
    expect(fieldHasProblem([badRole], 'recipient')).toBe(true);
    expect(fieldHasProblem([badRole], 'recipient.role')).toBe(true);
    expect(fieldHasProblem([badRole], 'recipientX')).toBe(false);
    expect(fieldHasProblem([badRole], 'subject')).toBe(false);
  });
});
