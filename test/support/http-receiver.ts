import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as its bytes arrived. */
  body: Buffer;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/** How the receiver answers its n-th request (0-based): a status, no answer at all, or a dropped connection. */
export type Answer = { status: number; json?: unknown; text?: string } | 'hang' | 'reset';

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, standing where a webhook's receiver would:
 * it keeps every request it gets and answers as `answer` says.
 */
export async function startHttpReceiver(answer: (index: number, request: ReceivedRequest) => Answer = () => ({ status: 200 })): Promise<HttpReceiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), at: Date.now() };
      received.push(request);
      const reply = answer(received.length - 1, request);
      if (reply === 'hang') return; // the socket stays open until the caller gives up or close()
      if (reply === 'reset') return void req.socket.destroy();
      if (reply.json !== undefined) return void res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.text ?? `answered ${reply.status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
