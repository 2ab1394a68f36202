import { z } from '@hono/zod-openapi';

/**
 * Zod calls the global error map only for issues no schema gave a message of its own, so an issue
 * that went through it says zod's words (or our "is required"), which zod's locales can say again
 * in another language. The mark rides on the issue; `received` keeps the type of the input, which
 * zod does not keep.
 */
export interface BuiltInMark {
  builtIn: { received: string };
}

export function markBuiltIn(issue: object & { input?: unknown }): void {
  Object.assign(issue, { builtIn: { received: z.core.util.parsedType(issue.input) } } satisfies BuiltInMark);
}

/** An issue about a value not given at all: it reads "is required" (in the reader's language), whatever zod would say. */
export const isMissingValue = (issue: { code?: string; input?: unknown }): boolean => issue.code === 'invalid_type' && issue.input === undefined;

/** The mark of an issue zod worded itself, or undefined when a schema gave the message. */
export function builtInMark(issue: object): BuiltInMark['builtIn'] | undefined {
  return 'builtIn' in issue ? (issue as BuiltInMark).builtIn : undefined;
}
