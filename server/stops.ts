import type { Logger } from '../activities/runtime/logger';

/**
 * What was started, to be stopped in reverse order within a bounded time. Each part gets what is
 * left of the bound; a part that does not finish in time is left behind and the stop reports it.
 */
export class Stops {
  private readonly parts: { name: string; stop: () => Promise<unknown> }[] = [];

  constructor(private readonly log: Logger) {}

  add(name: string, stop: () => Promise<unknown>): void {
    this.parts.push({ name, stop });
  }

  /** True when every part stopped cleanly within `limitMs`. */
  async stopAll(limitMs: number): Promise<boolean> {
    const deadline = Date.now() + limitMs;
    let clean = true;
    for (const { name, stop } of this.parts.splice(0).reverse()) {
      const left = deadline - Date.now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), Math.max(0, left));
      });
      try {
        if ((await Promise.race([stop(), late])) === 'late') {
          clean = false;
          this.log.error({ part: 'milepost' }, `${name} did not stop within MILEPOST_SHUTDOWN_SECONDS; leaving it`);
        } else {
          this.log.info({ part: 'milepost' }, `stopped ${name}`);
        }
      } catch (error) {
        clean = false;
        this.log.error({ part: 'milepost', err: error }, `could not stop ${name} cleanly`);
      } finally {
        clearTimeout(timer);
      }
    }
    return clean;
  }
}
