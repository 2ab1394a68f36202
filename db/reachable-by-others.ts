import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * The first directory on the way to `target` (from the root down, `target` itself included when it
 * exists) that a user who is neither its owner nor in its group cannot pass through: no execute
 * bit for others, as in a home directory of mode 0700. Undefined when every step is open.
 */
export function closedToOthers(target: string): { dir: string; mode: string } | undefined {
  const absolute = path.resolve(target);
  const steps: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    steps.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of steps) {
    let mode: number;
    try {
      mode = statSync(dir).mode;
    } catch {
      return undefined; // not made yet: what exists above it was open
    }
    if ((mode & 0o001) === 0) return { dir, mode: (mode & 0o777).toString(8).padStart(4, '0') };
  }
  return undefined;
}
