import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import { defaultWorkerSizing } from '../../activities/runtime/worker-sizing';

describe('MILEPOST_WEBHOOK_ALLOW', () => {
  it('allows nothing beyond public addresses when unset', () => {
    expect(loadConfig({}).MILEPOST_WEBHOOK_ALLOW.entries).toEqual([]);
  });

  it('reads host names, addresses and networks, separated by commas', () => {
    const allow = loadConfig({ MILEPOST_WEBHOOK_ALLOW: 'hooks.internal, 10.1.0.0/16,127.0.0.1' }).MILEPOST_WEBHOOK_ALLOW;
    expect(allow.entries).toEqual(['hooks.internal', '10.1.0.0/16', '127.0.0.1']);
    expect(allow.hosts.has('hooks.internal')).toBe(true);
    expect(allow.subnets.check('10.1.2.3', 'ipv4')).toBe(true);
  });

  it('stops the start naming the setting and the entry it cannot read', () => {
    expect(() => loadConfig({ MILEPOST_WEBHOOK_ALLOW: 'hooks.internal,10.0.0.0/40' })).toThrow(/MILEPOST_WEBHOOK_ALLOW: "10\.0\.0\.0\/40" has a network prefix that is not 0 to 32/);
  });
});

describe('HOST', () => {
  it('listens on this machine only unless told otherwise, and takes any address it is given', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).HOST).toBe('::');
  });
});

describe('MIGRATION_DATABASE_URL', () => {
  it('is taken only beside DATABASE_URL, the role it grants rights to', () => {
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db/milepost' })).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL too/);
    expect(loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db/milepost', DATABASE_URL: 'postgres://app@db/milepost' }).MIGRATION_DATABASE_URL).toBe('postgres://owner@db/milepost');
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless set, and takes a hop count or networks', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,192.0.2.1' }).TRUST_PROXY).toMatchObject({ kind: 'networks', entries: ['10.0.0.0/8', '192.0.2.1'] });
  });

  it('stops the start naming the setting when it cannot read it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'lb.internal' })).toThrow(/TRUST_PROXY: "lb\.internal" is a host name/);
  });
});

describe('LOG_LEVEL, METRICS, METRICS_TOKEN and WORKER_METRICS_ADDRESS', () => {
  it('default to info logs and /metrics on without a token, and worker metrics off', () => {
    const config = loadConfig({});
    expect([config.LOG_LEVEL, config.METRICS, config.METRICS_TOKEN, config.WORKER_METRICS_ADDRESS]).toEqual(['info', 'on', undefined, undefined]);
    expect(loadConfig({ LOG_LEVEL: 'debug', METRICS: 'off', WORKER_METRICS_ADDRESS: '0.0.0.0:9464' })).toMatchObject({ LOG_LEVEL: 'debug', METRICS: 'off', WORKER_METRICS_ADDRESS: '0.0.0.0:9464' });
  });

  it('stop the start naming the setting they cannot read', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ WORKER_METRICS_ADDRESS: '9464' })).toThrow(/WORKER_METRICS_ADDRESS: must be host:port/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });
});

describe('MILEPOST_CHANNEL_KEY', () => {
  it('is optional (the key is then derived from the server secret) and must be 32 bytes in base64 when set', async () => {
    const { channelKeyFrom, open, seal } = await import('../../activities/chat/secret-box');
    expect(loadConfig({}).MILEPOST_CHANNEL_KEY).toBeUndefined();
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ MILEPOST_CHANNEL_KEY: key }).MILEPOST_CHANNEL_KEY).toBe(key);
    expect(() => loadConfig({ MILEPOST_CHANNEL_KEY: 'c2hvcnQ=' })).toThrow(/MILEPOST_CHANNEL_KEY: must be 32 bytes in base64/);
    // Sealed under one server secret, a channel's secret opens with the same and no other.
    const sealed = seal(channelKeyFrom({ serverSecret: 'a'.repeat(40) }), 'SECsecret');
    expect(sealed).not.toContain('SECsecret');
    expect(open(channelKeyFrom({ serverSecret: 'a'.repeat(40) }), sealed)).toBe('SECsecret');
    expect(() => open(channelKeyFrom({ serverSecret: 'b'.repeat(40) }), sealed)).toThrow(/cannot be opened with this key/);
  });
});

describe('DATABASE_POOL_SIZE', () => {
  it('is 10 connections unless set per process, and a whole number from 1', () => {
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(loadConfig({ MILEPOST_ROLE: 'worker', DATABASE_URL: 'postgres://w@db/milepost', TEMPORAL_ADDRESS: 't:7233', DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'lots' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});

describe('worker sizing', () => {
  it('takes the documented defaults unless set, and the cache, task counts and sticky timeout when set', () => {
    expect(loadConfig({}).workerSizing).toEqual(defaultWorkerSizing);
    expect(loadConfig({ WORKER_CACHED_WORKFLOWS: '200', WORKER_WORKFLOW_TASKS: '4', WORKER_ACTIVITY_TASKS: '8', WORKER_STICKY_TIMEOUT_MS: '3000' }).workerSizing).toEqual({
      maxCachedWorkflows: 200,
      maxConcurrentWorkflowTaskExecutions: 4,
      maxConcurrentActivityTaskExecutions: 8,
      stickyQueueScheduleToStartTimeoutMs: 3000,
    });
  });

  it('stops the start naming a setting that is not a usable number', () => {
    expect(() => loadConfig({ WORKER_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_CACHED_WORKFLOWS/);
    expect(() => loadConfig({ WORKER_STICKY_TIMEOUT_MS: '10' })).toThrow(/WORKER_STICKY_TIMEOUT_MS/);
  });
});
