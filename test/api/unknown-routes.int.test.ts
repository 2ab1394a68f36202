import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/app';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** The app as `npm start` serves it: the API, and the web page for every other path. */
let served: App;
beforeAll(async () => {
  const designerDir = await mkdtemp(path.join(tmpdir(), 'milepost-web-'));
  await writeFile(path.join(designerDir, 'index.html'), '<!doctype html><title>Milepost</title>');
  served = createApp({ db: system.db, temporal: { client: system.client, taskQueue: system.taskQueue }, designerDir });
});

describe('paths under /api that no route takes', () => {
  it('answers an unknown path with 404 JSON, whatever the method, never the web page', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await call(served, method, '/api/no-such-thing/42');
      expect(res.status, `${method}: ${JSON.stringify(res.body)}`).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body.error).toEqual({ code: 'not_found', message: `No route for ${method} /api/no-such-thing/42.`, details: [] });
    }
  });

  it('answers a known path with a method it does not take with 405 and the methods it does in Allow', async () => {
    const projectId = '3f1c2a9e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
    const res = await call(served, 'PUT', `/api/projects/${projectId}/tasks`);
    expect(res.status, JSON.stringify(res.body)).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(res.body.error.code).toBe('method_not_allowed');
    expect(res.body.error.message).toBe(`/api/projects/${projectId}/tasks does not take PUT; it takes GET, HEAD, POST.`);

    const noGet = await call(served, 'GET', '/api/auth/login');
    expect(noGet.status).toBe(405);
    expect(noGet.headers.get('allow')).toBe('POST');
  });

  it('still serves the web page for paths outside /api', async () => {
    const res = await served.request('/projects/anything');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Milepost</title>');
  });
});
