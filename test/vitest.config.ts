import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A project of test files on the shared settings. */
function project(name: string, include: string[], settings: TestProjectInlineConfiguration['test'] = {}): TestProjectInlineConfiguration {
  return { extends: true, test: { root, name, include, ...settings } };
}

const integrationFiles = ['test/**/*.int.test.ts', 'test/**/*.browser.test.ts'];

/**
 * The test files that install the Temporal SDK's runtime themselves (their own log sink, metrics
 * address or level), which the SDK allows once per process: the `in-own-process` project runs them,
 * a fresh process each. test/own-process-files.test.ts keeps the list complete.
 */
export const ownProcessFiles = ['test/activities/request-id.int.test.ts', 'test/production/outage-timers.int.test.ts', 'test/workflows/worker-metrics.int.test.ts'];

const integrationSettings: TestProjectInlineConfiguration['test'] = {
  // The real parts, started once for both integration projects (test/support/global-setup.ts).
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // A page or a workflow polled for a change answers through the real API, database and engine,
  // beside three other files on two cores: vitest's default of 1 s is too short under that load.
  expect: { poll: { timeout: 10_000 } },
};

/**
 * Three projects: `unit` runs pure code with nothing started; `integration` (`*.int.test.ts` and
 * the browser tests) gets a real PostgreSQL and a real Temporal dev server from the global setup;
 * `in-own-process` gets the same parts, for the few files that need a process to themselves.
 *
 * All three draw on one pool of workers, and vitest queues them by project name: the files in
 * their own process first, so that the long one among them does not run on alone at the end; the
 * integration files then, larger first; the unit files last, filling the slots that the last
 * integration files leave idle.
 */
export default defineConfig({
  root,
  test: {
    // The integration files mostly wait on the engine's timers and the database, not the CPU, and
    // each has its own worker, task queue and data: several run at once even on two cores.
    maxWorkers: Number(process.env.MILEPOST_TEST_FILES_AT_ONCE ?? 4),
    projects: [
      project('unit', ['test/**/*.test.ts', 'test/**/*.test.tsx'], {
        exclude: [...integrationFiles, 'node_modules/**'],
        // Beside the last integration files on two cores, a property test of one second may take a few.
        testTimeout: 20_000,
      }),
      project('integration', integrationFiles, {
        ...integrationSettings,
        exclude: [...ownProcessFiles, 'node_modules/**'],
        // The files share their processes: each process loads the app's modules once, not once per
        // file (about 1.5 s a file on two cores). Every file still has its own worker, task queue and data.
        isolate: false,
      }),
      project('in-own-process', ownProcessFiles, integrationSettings),
    ],
  },
});
