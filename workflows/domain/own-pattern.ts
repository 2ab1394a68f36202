/**
 * A copy of one of zod's patterns (`z.regexes.date`), for a format check that may run inside a
 * workflow. Workers share one zod, frozen, across all their workflows (workflows/shared-libraries.ts),
 * zod's own pattern objects with it, and zod resets a pattern's `lastIndex` before each test, which
 * a frozen RegExp refuses ("Cannot assign to read only property 'lastIndex'"). A copy made here
 * belongs to the module that made it, which every workflow loads for itself. The lint rule on
 * workflows/ (test/eslint.config.js) asks for it wherever zod would use a shared pattern.
 */
export const ownPattern = (pattern: RegExp): { pattern: RegExp } => ({ pattern: new RegExp(pattern.source, pattern.flags) });
