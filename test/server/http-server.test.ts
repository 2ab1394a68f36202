import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { createLogger } from '../../activities/runtime/logger';
import { startHttpServer } from '../../server/http-server';
import { Stops } from '../../server/stops';

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent: new http.Agent({ keepAlive: true }) }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('Stopping the HTTP server', () => {
  it('refuses new connections at once, answers the request under way, then closes its kept-alive connection', async () => {
    const port = await freePort();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const underWay = new Promise<void>((resolve) => (arrived = resolve));
    const server = startHttpServer(
      async () => {
        arrived();
        await released;
        return new Response('finished');
      },
      port,
      '127.0.0.1',
    );
    const inFlight = get(port);
    await underWay;
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));

    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(stopped).toBe(false);
    release();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe('Stopping every part', () => {
  const quiet = createLogger({ level: 'silent' });

  it('stops the parts in the reverse order of their start', async () => {
    const order: string[] = [];
    const stops = new Stops(quiet);
    for (const name of ['database', 'worker', 'http']) stops.add(name, async () => void order.push(name));
    expect(await stops.stopAll(1_000)).toBe(true);
    expect(order).toEqual(['http', 'worker', 'database']);
  });

  it('leaves a part that does not stop in time, still stops the others, and says it was not clean', async () => {
    const order: string[] = [];
    const stops = new Stops(quiet);
    stops.add('database', async () => void order.push('database'));
    stops.add('stuck worker', () => new Promise(() => {}));
    stops.add('failing http', () => Promise.reject(new Error('boom')));
    const started = Date.now();
    expect(await stops.stopAll(300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(order).toEqual(['database']);
  });
});
