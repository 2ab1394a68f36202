import type { z } from 'zod';
import type { FlowDraft } from '../../../workflows/flow';
import { csrfToken, markExpired } from '../auth/session-store';
import { currentLanguage } from '../i18n/i18n';
import type { ApiProblemDetail } from '../flow-designer/graph/diagnostics';
import { ErrorBody } from '../../../api/contract/common';
import { FlowDetail, FlowSummary, FlowVersionDetail } from '../../../api/contract/flows';

/** A refusal from the API, with its details (one per problem) kept for showing them in place. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiProblemDetail[] = [],
    /** From `Retry-After` on a 429 or 503: how long to wait before trying again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

const safeMethods = new Set(['GET', 'HEAD']);

/** The session's CSRF token again, after the server refused the one the page had. */
let refreshCsrf: (() => Promise<boolean>) | null = null;

/** Set once by the sign-in module (it needs `send` itself, so it cannot be imported here). */
export function onStaleCsrf(refresh: () => Promise<boolean>): void {
  refreshCsrf = refresh;
}

function headersFor(method: string, body: unknown): Record<string, string> {
  // The API answers errors in the language the page shows, which may differ from the browser's.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken();
  if (!safeMethods.has(method) && csrf !== null) headers['x-csrf-token'] = csrf;
  return headers;
}

/**
 * One API call with the session cookie; writes carry the session's CSRF token. A refusal becomes
 * an `ApiError` with the API's details kept for the form fields. When the server no longer knows
 * the session, the page asks to sign in again (the error is still thrown to the caller).
 */
export async function send(method: string, path: string, body?: unknown, signal?: AbortSignal, retried = false): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.ok) return response;
  const error = await errorOf(response);
  if (error.status === 401 && error.code === 'unauthenticated') markExpired();
  // Signing in again in another tab replaces the session and its token: fetch it once and retry.
  if (error.status === 403 && error.code === 'csrf_failed' && !retried && refreshCsrf !== null && (await refreshCsrf())) {
    return send(method, path, body, signal, true);
  }
  throw error;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): fall through to the generic message.
  }
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  const error = ErrorBody.safeParse(parsed);
  if (error.success) return new ApiError(response.status, error.data.error.code, error.data.error.message, error.data.error.details, retryAfter);
  return new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`, [], retryAfter);
}

/** `Retry-After` is either seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function request<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  const response = await send(method, path, body);
  return schema.parse(await response.json());
}

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const api = {
  /** The flows in use, or the archived ones. */
  listFlows: ({ archived = false }: { archived?: boolean } = {}): Promise<FlowSummary[]> => request(FlowSummary.array(), 'GET', archived ? '/api/flows?archived=true' : '/api/flows'),
  archiveFlow: (id: string): Promise<FlowSummary> => request(FlowSummary, 'POST', `${flowPath(id)}/archive`, {}),
  restoreFlow: (id: string): Promise<FlowSummary> => request(FlowSummary, 'POST', `${flowPath(id)}/restore`, {}),
  getFlow: (id: string): Promise<FlowDetail> => request(FlowDetail, 'GET', flowPath(id)),
  createFlow: (draft: FlowDraft): Promise<FlowDetail> => request(FlowDetail, 'POST', '/api/flows', { draft }),
  saveDraft: (id: string, draft: FlowDraft): Promise<FlowDetail> => request(FlowDetail, 'PUT', `${flowPath(id)}/draft`, { draft }),
  publish: (id: string): Promise<FlowVersionDetail> => request(FlowVersionDetail, 'POST', `${flowPath(id)}/publish`, {}),
  getVersion: (id: string, version: number): Promise<FlowVersionDetail> => request(FlowVersionDetail, 'GET', `${flowPath(id)}/versions/${version}`),
  importFlow: (draft: unknown): Promise<FlowDetail> => request(FlowDetail, 'POST', '/api/flows/import', { draft }),
  /** The saved draft as the file the API names for it. */
  async exportFlow(id: string): Promise<{ filename: string; text: string }> {
    const response = await send('GET', `${flowPath(id)}/export`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'flow.json';
    return { filename, text: JSON.stringify(await response.json(), null, 2) };
  },
};

/** Offers text as a file download, the way a browser saves an attachment. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
