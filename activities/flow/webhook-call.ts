import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { AddressGuard } from './address-guard';

export interface WebhookRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
  timeoutMs: number;
}

/** No answer in time; transient, so the step's retries apply. */
export class WebhookTimeoutError extends Error {
  override readonly name = 'WebhookTimeoutError';
}

/** The address could not be reached (DNS, refused connection, reset); transient too. */
export class WebhookUnreachableError extends Error {
  override readonly name = 'WebhookUnreachableError';
}

/** The request itself cannot be sent (no http(s) address, a header value with a line break…); retrying would not help. */
export class WebhookRequestError extends Error {
  override readonly name = 'WebhookRequestError';
}

/**
 * Sends one HTTP request through the address guard and answers the response's status. Redirects
 * are not followed (a redirect could lead past the guard); the caller decides what a status means.
 * Errors from the guard (AddressRefusedError) come through unchanged.
 */
/** How much of an answer's body is kept. */
const maxKeptBody = 16 * 1024;

export function sendWebhook(guard: AddressGuard, request: WebhookRequest): Promise<{ status: number; body: string }> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.reject(new WebhookRequestError(`"${request.url}" is not a web address.`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new WebhookRequestError(`"${request.url}" is not an http(s) address.`));
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // An address written in the URL is connected to without a lookup, so it is checked here.
  if (isIP(host) !== 0) {
    try {
      guard.check(host, host);
    } catch (refusal) {
      return Promise.reject(refusal as Error);
    }
  }
  const seconds = request.timeoutMs / 1000;
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(request.timeoutMs);
    let req: http.ClientRequest;
    try {
      req = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: request.method,
          headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) },
          lookup: guard.lookup,
          signal,
        },
        (response) => {
          // The answer's body is read to its end within the timeout; its start is kept for
          // receivers that answer 200 with an error code inside (the chat platforms).
          const kept: Buffer[] = [];
          let size = 0;
          response.on('error', () => {});
          response.on('data', (chunk: Buffer) => {
            if (size < maxKeptBody) kept.push(chunk);
            size += chunk.length;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(kept).subarray(0, maxKeptBody).toString('utf8') }));
        },
      );
    } catch (error) {
      return reject(new WebhookRequestError(`${request.method} ${url.origin}${url.pathname} cannot be sent: ${(error as Error).message}`));
    }
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) reject(new WebhookTimeoutError(`${request.method} ${url.origin}${url.pathname} gave no answer within ${seconds} s.`));
      else if (error.name === 'AddressRefusedError') reject(error);
      else reject(new WebhookUnreachableError(`${request.method} ${url.origin}${url.pathname} could not be reached: ${error.code ?? error.message}.`));
    });
    req.end(request.body);
  });
}
