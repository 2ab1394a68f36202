import type { KyselyPlugin } from 'kysely';

/** Counts the statements a database handle sends (every kysely query, raw SQL included, passes through plugins). */
export function countingPlugin() {
  const counter = { queries: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      counter.queries += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { counter, plugin };
}
