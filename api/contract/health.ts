import { z } from '@hono/zod-openapi';

export const Liveness = z
  .object({ alive: z.literal(true).openapi({ description: 'The process answers; nothing else was asked' }) })
  .openapi('Liveness');

export const DependencyName = z.enum(['database', 'temporal']);

export const DependencyState = z
  .object({
    state: z.enum(['up', 'down']),
    reason: z.string().nullable().openapi({ description: 'Why it counts as down, in words (no addresses); null when up', example: 'connection refused' }),
  })
  .openapi('DependencyState');

export const Readiness = z
  .object({
    ready: z.boolean(),
    message: z.string().openapi({ description: 'One sentence: ready, or which parts are down', example: 'Not ready: the database is not reachable (connection refused).' }),
    parts: z.object({ database: DependencyState, temporal: DependencyState }).openapi({ description: 'Each part this process needs, checked just now' }),
  })
  .openapi('Readiness');

export type DependencyName = z.infer<typeof DependencyName>;
export type DependencyState = z.infer<typeof DependencyState>;
export type Readiness = z.infer<typeof Readiness>;
