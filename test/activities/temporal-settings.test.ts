import { describe, expect, it } from 'vitest';
import { parseTemporalSettings } from '../../activities/runtime/temporal-settings';
import { loadConfig } from '../../api/config';

const files: Record<string, string> = { '/certs/ca.pem': 'CA', '/certs/client.pem': 'CERT', '/certs/client.key': 'KEY' };
const readFile = (path: string): Buffer => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return Buffer.from(content);
};
const address = 'temporal.example.com:7233';

describe('Temporal connection settings', () => {
  it('speak plain gRPC to the default namespace when nothing is set', () => {
    expect(parseTemporalSettings({}, readFile)).toEqual({ namespace: 'default', tls: undefined, apiKey: undefined, described: 'namespace default, plain gRPC without TLS' });
  });

  it('read the CA, the client certificate and key and the server name for mTLS', () => {
    const access = parseTemporalSettings(
      { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'sales', TEMPORAL_TLS_CA: '/certs/ca.pem', TEMPORAL_TLS_CERT: '/certs/client.pem', TEMPORAL_TLS_KEY: '/certs/client.key', TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' },
      readFile,
    );
    expect(access.namespace).toBe('sales');
    expect(access.tls).toEqual({ serverNameOverride: 'temporal.internal', serverRootCACertificate: Buffer.from('CA'), clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') } });
    expect(access.described).toBe('namespace sales, TLS checked against the CA of TEMPORAL_TLS_CA as temporal.internal, client certificate TEMPORAL_TLS_CERT (mTLS)');
  });

  it('take an API key over TLS with the system CAs, as Temporal Cloud wants, and never show the key', () => {
    const access = parseTemporalSettings({ TEMPORAL_ADDRESS: address, TEMPORAL_API_KEY: 'secret-key' }, readFile);
    expect(access).toMatchObject({ tls: {}, apiKey: 'secret-key' });
    expect(access.described).not.toContain('secret-key');
  });

  it('take a PEM given inline instead of a file path', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n';
    expect(parseTemporalSettings({ TEMPORAL_ADDRESS: address, TEMPORAL_TLS_CA: pem }, readFile).tls).toEqual({ serverRootCACertificate: Buffer.from(pem) });
  });

  it('turn TLS on without any file when TEMPORAL_TLS=on', () => {
    expect(parseTemporalSettings({ TEMPORAL_ADDRESS: address, TEMPORAL_TLS: 'on' }, readFile).tls).toEqual({});
  });

  it.each([
    [{ TEMPORAL_TLS_CERT: '/certs/client.pem' }, /TEMPORAL_TLS_CERT: needs TEMPORAL_TLS_KEY too/],
    [{ TEMPORAL_TLS_KEY: '/certs/client.key' }, /TEMPORAL_TLS_KEY: needs TEMPORAL_TLS_CERT too/],
    [{ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS_CERT: '/certs/client.pem', TEMPORAL_TLS_KEY: '/certs/client.key' }, /choose one way to authenticate/],
    [{ TEMPORAL_TLS: 'off', TEMPORAL_API_KEY: 'k' }, /TEMPORAL_TLS=off contradicts TEMPORAL_API_KEY/],
    [{ TEMPORAL_TLS: 'maybe' }, /TEMPORAL_TLS: must be on or off/],
    [{ TEMPORAL_TLS_CA: '/certs/missing.pem' }, /TEMPORAL_TLS_CA: cannot read \/certs\/missing\.pem \(ENOENT\)/],
  ])('refuse %j with a sentence naming the settings', (env, message) => {
    expect(() => parseTemporalSettings({ TEMPORAL_ADDRESS: address, ...env }, readFile)).toThrow(message);
  });

  it('refuse TLS settings without TEMPORAL_ADDRESS, since the embedded dev server speaks plain gRPC', () => {
    expect(() => parseTemporalSettings({ TEMPORAL_API_KEY: 'k' }, readFile)).toThrow(/TEMPORAL_API_KEY: need TEMPORAL_ADDRESS too/);
  });

  it('stop the start through the configuration with the same sentence', () => {
    expect(() => loadConfig({ TEMPORAL_ADDRESS: address, TEMPORAL_TLS_CERT: '/certs/client.pem' })).toThrow(/Invalid configuration:\n {2}TEMPORAL_TLS_CERT: needs TEMPORAL_TLS_KEY too/);
  });
});

describe('MILEPOST_ROLE', () => {
  it('is all unless set, and starts the embedded parts only there', () => {
    expect(loadConfig({}).MILEPOST_ROLE).toBe('all');
  });

  it.each(['api', 'worker'])('%s requires DATABASE_URL and TEMPORAL_ADDRESS, naming each missing setting', (role) => {
    expect(() => loadConfig({ MILEPOST_ROLE: role })).toThrow(
      new RegExp(`DATABASE_URL: required in the ${role} role, which starts nothing embedded[^\\n]*\\n {2}TEMPORAL_ADDRESS: required in the ${role} role`),
    );
    expect(() => loadConfig({ MILEPOST_ROLE: role, DATABASE_URL: 'postgres://app@db/milepost' })).toThrow(/TEMPORAL_ADDRESS: required/);
    expect(loadConfig({ MILEPOST_ROLE: role, DATABASE_URL: 'postgres://app@db/milepost', TEMPORAL_ADDRESS: address }).MILEPOST_ROLE).toBe(role);
  });
});
