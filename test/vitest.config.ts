import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A project of test files run as group `groupOrder` (lower first), each file on the shared settings. */
function project(name: string, groupOrder: number, include: string[], settings: TestProjectInlineConfiguration['test'] = {}): TestProjectInlineConfiguration {
  return { extends: true, test: { root, name, sequence: { groupOrder }, include, ...settings } };
}

/**
 * Two projects: `unit` runs pure code with nothing started; `integration` (files named
 * `*.int.test.ts`) gets a real PostgreSQL and a real Temporal dev server from the global setup.
 */
export default defineConfig({
  root,
  test: {
    projects: [
      // Unit files run first, on the default workers; the integration files then, more at once.
      project('unit', 0, ['test/**/*.test.ts', 'test/**/*.test.tsx'], {
        exclude: ['test/**/*.int.test.ts', 'test/**/*.browser.test.ts', 'node_modules/**'],
      }),
      project('integration', 1, ['test/**/*.int.test.ts', 'test/**/*.browser.test.ts'], {
        globalSetup: ['test/support/global-setup.ts'],
        // These files mostly wait on the engine's timers and the database, not the CPU, and each
        // has its own worker, task queue and data: several run at once even on two cores.
        maxWorkers: Number(process.env.MILEPOST_TEST_FILES_AT_ONCE ?? 4),
        testTimeout: 120_000,
        hookTimeout: 180_000,
      }),
    ],
  },
});
