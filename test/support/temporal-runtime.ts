import { configureTemporalRuntime } from '../../activities/runtime/worker';

const installed = Symbol.for('milepost.test.temporalRuntime');

/**
 * The Temporal SDK's runtime for a test file that needs nothing special of it (WARN and above to
 * stderr). The SDK installs one runtime per process, and the integration files share their
 * processes (`isolate: false` in test/vitest.config.ts), so the first file of a process installs it
 * and the others find it there. A file that configures the runtime itself (its own log sink,
 * metrics address or level) runs in the `in-own-process` project, a process of its own.
 */
export function useDefaultTemporalRuntime(): void {
  const thisProcess = globalThis as { [installed]?: true };
  if (thisProcess[installed]) return;
  configureTemporalRuntime('WARN');
  thisProcess[installed] = true;
}
