// Loaded once in each worker thread before any workflow, and shared (frozen) by all the workflows it
// runs (sharedWorkflowModules in activities/runtime/worker.ts): without it every cached workflow
// evaluates its own copy of these libraries. Only libraries that keep no state of a workflow's.
// (Naming a library itself to the SDK's preloadModules is not enough: webpack drops a require of a
// package marked free of side effects whose result goes unused.)
import { z } from 'zod';

// zod sets up some of its module state on first use (its default error messages, whether it may
// compile object parsers): use it once here, before the SDK freezes it.
z.object({ text: z.string().min(1), kind: z.enum(['a', 'b']), count: z.number().int().optional() }).safeParse({ text: '', kind: 'c', count: 1.5 });

export const sharedLibraries = { z };
