import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

/**
 * Serves `fetch` and returns how to stop: no new connections, requests under way answered, idle
 * keep-alive connections closed as soon as they have nothing left to answer.
 */
export function startHttpServer(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): { stop(): Promise<void> } {
  const server = serve({ fetch, port, hostname }) as Server;
  return {
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A connection whose last answer went out while draining would otherwise linger idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.once('close', () => clearInterval(sweep));
        server.closeIdleConnections();
      }),
  };
}
