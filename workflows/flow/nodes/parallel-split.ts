import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';

export const parallelSplitConfigSchema = z.strictObject({
  branches: z.int().min(2).max(10).meta({ title: 'Number of branches' }),
});
export type ParallelSplitConfig = z.infer<typeof parallelSplitConfigSchema>;

export function branchPortId(branch: number): string {
  return `branch_${branch}`;
}

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
    Array.from({ length: config.branches }, (_, index) => requiredOutput(branchPortId(index + 1), `Branch ${index + 1}`)),
  portsNote: 'One port per branch: branch_1 to branch_N, N being `branches`.',
  waits: false,
});
