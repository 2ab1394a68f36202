import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';

/** The settings that say how to reach Temporal, as read from the environment. */
export interface TemporalEnv {
  TEMPORAL_ADDRESS?: string | undefined;
  TEMPORAL_NAMESPACE?: string | undefined;
  TEMPORAL_TLS?: string | undefined;
  TEMPORAL_TLS_CA?: string | undefined;
  TEMPORAL_TLS_CERT?: string | undefined;
  TEMPORAL_TLS_KEY?: string | undefined;
  TEMPORAL_TLS_SERVER_NAME?: string | undefined;
  TEMPORAL_API_KEY?: string | undefined;
}

/** How both the client and the worker connect: the same namespace, TLS and API key. */
export interface TemporalAccess {
  namespace: string;
  /** Undefined: plain gRPC (a dev server or a cluster without TLS). */
  tls: TLSConfig | undefined;
  apiKey: string | undefined;
  /** What is used, in words that name no secret: for log lines and connection failures. */
  described: string;
}

export class TemporalSettingsError extends Error {
  override readonly name = 'TemporalSettingsError';
}

/** A PEM given inline (containers often pass secrets so) or the path of a file holding one. */
function pem(setting: string, value: string, readFile: (path: string) => Buffer): Buffer {
  if (value.trimStart().startsWith('-----BEGIN')) return Buffer.from(value);
  try {
    return readFile(value.trim());
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new TemporalSettingsError(`${setting}: cannot read ${value.trim()} (${reason}); give the path of a PEM file or the PEM itself`);
  }
}

/**
 * Reads the Temporal connection settings. TLS is on when TEMPORAL_TLS=on or any TLS file or an
 * API key is given (Temporal Cloud takes API keys over TLS only); combinations that cannot work
 * stop the start with a sentence naming the settings.
 */
export function parseTemporalSettings(env: TemporalEnv, readFile: (path: string) => Buffer = readFileSync): TemporalAccess {
  const set = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const ca = set(env.TEMPORAL_TLS_CA);
  const cert = set(env.TEMPORAL_TLS_CERT);
  const key = set(env.TEMPORAL_TLS_KEY);
  const serverName = set(env.TEMPORAL_TLS_SERVER_NAME);
  const apiKey = set(env.TEMPORAL_API_KEY);
  const namespace = set(env.TEMPORAL_NAMESPACE) ?? 'default';
  const tlsSwitch = set(env.TEMPORAL_TLS)?.toLowerCase();
  if (tlsSwitch !== undefined && tlsSwitch !== 'on' && tlsSwitch !== 'off') throw new TemporalSettingsError(`TEMPORAL_TLS: must be on or off, not "${env.TEMPORAL_TLS}"`);

  const tlsParts = Object.entries({ TEMPORAL_TLS_CA: ca, TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_SERVER_NAME: serverName, TEMPORAL_API_KEY: apiKey })
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
  if (tlsParts.length > 0 && !set(env.TEMPORAL_ADDRESS)) {
    throw new TemporalSettingsError(`${tlsParts.join(', ')}: need TEMPORAL_ADDRESS too; without it Milepost starts its own dev server, which speaks plain gRPC`);
  }
  if (tlsSwitch === 'off' && tlsParts.length > 0) {
    throw new TemporalSettingsError(`TEMPORAL_TLS=off contradicts ${tlsParts.join(', ')}, which only work over TLS; remove TEMPORAL_TLS or those settings`);
  }
  if ((cert === undefined) !== (key === undefined)) {
    throw new TemporalSettingsError(`${cert ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY'}: needs ${cert ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT'} too; mTLS takes the client certificate and its private key together`);
  }
  if (apiKey && cert) {
    throw new TemporalSettingsError('TEMPORAL_API_KEY and TEMPORAL_TLS_CERT: choose one way to authenticate, an API key or an mTLS client certificate');
  }

  if (tlsSwitch !== 'on' && tlsParts.length === 0) return { namespace, tls: undefined, apiKey: undefined, described: `namespace ${namespace}, plain gRPC without TLS` };
  const tls: TLSConfig = {
    ...(serverName ? { serverNameOverride: serverName } : {}),
    ...(ca ? { serverRootCACertificate: pem('TEMPORAL_TLS_CA', env.TEMPORAL_TLS_CA ?? ca, readFile) } : {}),
    ...(cert && key ? { clientCertPair: { crt: pem('TEMPORAL_TLS_CERT', env.TEMPORAL_TLS_CERT ?? cert, readFile), key: pem('TEMPORAL_TLS_KEY', env.TEMPORAL_TLS_KEY ?? key, readFile) } } : {}),
  };
  const described = [
    `namespace ${namespace}`,
    `TLS checked against ${ca ? 'the CA of TEMPORAL_TLS_CA' : "the system's trusted CAs"}${serverName ? ` as ${serverName}` : ''}`,
    cert ? 'client certificate TEMPORAL_TLS_CERT (mTLS)' : apiKey ? 'API key TEMPORAL_API_KEY' : 'no client credentials',
  ].join(', ');
  return { namespace, tls, apiKey, described };
}
