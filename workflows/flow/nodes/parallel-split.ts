import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';

export const parallelSplitConfigSchema = z.strictObject({
  branches: z.int().min(2).max(10).meta({ title: 'Number of branches' }),
});
export type ParallelSplitConfig = z.infer<typeof parallelSplitConfigSchema>;

export function branchPortId(branch: number): string {
  return `branch_${branch}`;
}

/** The branch a port id names, or null: branch_3 → 3. */
export function branchOfPort(portId: string): number | null {
  const match = /^branch_([1-9][0-9]*)$/.exec(portId);
  return match === null ? null : Number(match[1]);
}

/** How a branch's port reads, `{number}` being the branch's; the message catalogs translate it. */
export const branchPortLabel = 'Branch {number}';

export const parallelSplit = defineNode({
  kind: 'parallel_split',
  label: 'Parallel split',
  help: 'Runs several branches at the same time. Bring them back together with a parallel join.',
  icon: 'split',
  category: 'logic',
  config: parallelSplitConfigSchema,
  defaults: { branches: 2 },
  inputs: [inPort],
  outputs: (config) =>
    Array.from({ length: config.branches }, (_, index) => requiredOutput(branchPortId(index + 1), branchPortLabel.replace('{number}', String(index + 1)))),
  portsNote: 'One port per branch: branch_1 to branch_N, N being `branches`.',
  waits: false,
});
