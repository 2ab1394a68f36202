import { z } from '@hono/zod-openapi';

/**
 * Where a page of a newest-first list ends: the creation time (to the microsecond, in UTC, as
 * `2026-12-07T02:00:00.123456Z`) and id of its last row. The next page starts after it, so rows
 * added meanwhile never shift a page, and no row is listed twice.
 */
export interface ListPosition {
  at: string;
  id: string;
}

const atPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toBase64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => atob(text.replace(/-/g, '+').replace(/_/g, '/'));

/** The opaque text a client passes back to get the page after `position`. */
export const encodeCursor = (position: ListPosition): string => toBase64Url(JSON.stringify([position.at, position.id]));

/** The position a cursor names, or undefined when the text is not a cursor this API gave. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !uuidPattern.test(id)) return undefined;
  const millis = atPattern.exec(at)?.[1];
  // A date that exists: the calendar would roll 2026-02-31 over to March, and then it differs.
  if (millis === undefined || Number.isNaN(Date.parse(`${millis}Z`)) || new Date(`${millis}Z`).toISOString() !== `${millis}Z`) return undefined;
  return { at, id };
}

/** A cursor is far shorter than this; longer text is refused before it is decoded. */
const maxCursorLength = 200;

export const ListCursor = z
  .string()
  .refine((text) => text.length <= maxCursorLength && decodeCursor(text) !== undefined, 'is not a cursor this list gave: pass the nextCursor of the page before, unchanged');
