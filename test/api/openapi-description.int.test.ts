import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { admin } from '../support/identities';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

type Operation = { security?: unknown[]; requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> };
const operations = async () => {
  const doc = (await call(system.app, 'GET', '/api/openapi.json')).body;
  const ops = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );
  return { doc, ops };
};

/** The routes anyone may call: signing in, and the probes and metrics of whatever runs the processes. */
const publicRoutes = ['GET /healthz', 'GET /metrics', 'GET /readyz', 'POST /api/auth/login'];
/** Public routes that still answer 401: a wrong password, and metrics without METRICS_TOKEN when that is set. */
const publicWith401 = ['POST /api/auth/login', 'GET /metrics'];

describe('the published OpenAPI description', () => {
  it('is a document the OpenAPI 3.1 schema accepts, so that client generators and gateways can read it', async () => {
    const { doc } = await operations();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('says how to authenticate: an API token or the session cookie, everywhere but sign-in, the health probes and the metrics', async () => {
    const { doc, ops } = await operations();
    expect(doc.components.securitySchemes).toEqual({
      apiToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'milepost_session' }),
    });
    expect(doc.security).toEqual([{ apiToken: [] }, { session: [] }]);
    expect(ops.filter(({ op }) => op.security?.length === 0).map(({ key }) => key).sort()).toEqual([...publicRoutes].sort());
  });

  it('gives every route but sign-in, the health probes and the metrics its 401, and every route with a body its 413 and 415', async () => {
    const { ops } = await operations();
    expect(ops.filter(({ key, op }) => !publicRoutes.includes(key) && !op.responses['401']).map(({ key }) => key)).toEqual([]);
    expect(ops.filter(({ key, op }) => publicRoutes.includes(key) && !publicWith401.includes(key) && op.responses['401']).map(({ key }) => key)).toEqual([]);
    expect(ops.filter(({ op }) => op.requestBody && !(op.responses['413'] && op.responses['415'])).map(({ key }) => key)).toEqual([]);
  });

  it('describes nothing that no value satisfies: no allOf of closed schemas', async () => {
    const { doc } = await operations();
    const closedAllOf = Object.entries(doc.components.schemas as Record<string, { allOf?: { $ref?: string; additionalProperties?: unknown }[] }>)
      .filter(([, schema]) =>
        schema.allOf?.some((part) => part.additionalProperties === false || (part.$ref && doc.components.schemas[part.$ref.split('/').at(-1)!].additionalProperties === false)),
      )
      .map(([name]) => name);
    expect(closedAllOf).toEqual([]);
  });

  it('names a flow document "draft" in every body that carries one, and requires it', async () => {
    const { doc } = await operations();
    for (const name of ['NewFlow', 'SaveDraft', 'ImportFlow']) {
      expect(doc.components.schemas[name].required, name).toEqual(['draft']);
    }
    const bodyOf = (path: string) => doc.paths[path].post.requestBody.content['application/json'].schema.$ref;
    expect(bodyOf('/api/flows/validate')).toBe('#/components/schemas/ImportFlow');
    expect((await call(system.app, 'POST', '/api/flows/import', {})).body.error.details).toEqual([{ path: 'draft', message: 'is required' }]);
  });
});

describe('bodies in a media type a route does not take', () => {
  it('are refused with 415 naming what the route takes, before anything reads them', async () => {
    const asAdmin = async (path: string, contentType: string, body: string) => {
      const res = await system.app.request(path, { method: 'POST', headers: { 'content-type': contentType, 'content-length': String(body.length), authorization: `Bearer ${admin().token}` }, body });
      return { status: res.status, body: await res.json() };
    };
    const text = await asAdmin('/api/teams', 'text/plain', 'name=Sales East');
    expect(text.status).toBe(415);
    expect(text.body.error).toEqual({ code: 'unsupported_media_type', message: 'POST /api/teams takes a body of application/json, not text/plain.', details: [] });
    const form = await asAdmin('/api/teams', 'application/x-www-form-urlencoded', 'name=Sales+East');
    expect(form.status).toBe(415);
    // A route that takes a spreadsheet says so.
    const csv = await asAdmin('/api/projects/3f1c2a9e-5b6d-4e8f-9a0b-1c2d3e4f5a6b/kpi-reports/import', 'application/xml', '<csv/>');
    expect(csv.body.error.message).toContain('takes a body of application/json or text/csv, not application/xml');
  });
});
