import { inject } from 'vitest';

/** The suite's database URL, reached at 127.0.0.1:`port` instead (a proxy in front of it, or nothing). */
export function databaseUrlAt(port: number): string {
  const url = new URL(inject('databaseUrl'));
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}
