// The API's flow validation answers in the reader's language: the same problems, the same codes and
// marked steps, worded in the language the `Accept-Language` header asks for.
import { describe, expect, it } from 'vitest';
import type { FlowDraft } from '../../workflows/flow/graph-schema';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();

/** A trigger that leads to an end, and a second end nothing leads to. */
const withAnUnreachableStep: FlowDraft = {
  schemaVersion: 1,
  name: 'Loose end',
  nodes: [
    { id: 'start', kind: 'trigger', config: { event: 'plan_submitted' }, position: { x: 0, y: 0 } },
    { id: 'done', kind: 'end', config: { result: 'done' }, position: { x: 240, y: 0 } },
    { id: 'lonely', kind: 'end', label: 'Forgotten end', config: { result: 'rejected' }, position: { x: 240, y: 140 } },
  ],
  edges: [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'done', targetPort: 'in' }],
};

const chinese = /[\u4e00-\u9fff]/;

describe('flow validation in the reader’s language', () => {
  it('words a draft’s problems in Chinese for Accept-Language zh-CN, with the same codes and steps as in English', async () => {
    const english = await call(system.app, 'POST', '/api/flows/validate', { draft: withAnUnreachableStep }, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
    const zh = await call(system.app, 'POST', '/api/flows/validate', { draft: withAnUnreachableStep }, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    expect(english.status, JSON.stringify(english.body)).toBe(200);
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    const shape = (list: { code: string; nodeId?: string; params?: unknown }[]) => list.map(({ code, nodeId, params }) => ({ code, nodeId, params }));
    expect(shape(zh.body)).toEqual(shape(english.body));
    expect(english.body).toMatchObject([{ code: 'unreachable_node', nodeId: 'lonely', message: 'The step "Forgotten end" (lonely) cannot be reached from the trigger, so it would never run. Connect it or remove it.' }]);
    expect(zh.body).toMatchObject([{ code: 'unreachable_node', nodeId: 'lonely', message: '从触发器无法到达步骤“Forgotten end”（lonely），因此它永远不会执行。请连接它或删除它。' }]);
  });

  it('refuses to import a flow with problems in Chinese for zh-CN, naming each step as in English', async () => {
    const english = await call(system.app, 'POST', '/api/flows/import', { draft: withAnUnreachableStep }, { headers: { 'Accept-Language': 'en' } });
    const zh = await call(system.app, 'POST', '/api/flows/import', { draft: withAnUnreachableStep }, { headers: { 'Accept-Language': 'zh-CN' } });
    expect(english.status).toBe(422);
    expect(zh.status).toBe(422);
    expect(english.body.error.message).toBe('The flow has 1 problem to fix first.');
    expect(zh.body.error.message).toBe('流程还有 1 个问题需要先解决。');
    expect(zh.body.error.code).toBe(english.body.error.code);
    const codes = (body: { error: { details: { code?: string; nodeId?: string; path: string }[] } }) => body.error.details.map(({ code, nodeId, path }) => ({ code, nodeId, path }));
    expect(codes(zh.body)).toEqual(codes(english.body));
    for (const detail of zh.body.error.details as { message: string }[]) expect(detail.message).toMatch(chinese);
  });

  it('answers in English when the reader asks for a language Milepost does not speak', async () => {
    const french = await call(system.app, 'POST', '/api/flows/validate', { draft: withAnUnreachableStep }, { headers: { 'Accept-Language': 'fr-FR' } });
    expect(french.body).toMatchObject([{ code: 'unreachable_node', message: expect.stringContaining('cannot be reached from the trigger') }]);
  });
});
