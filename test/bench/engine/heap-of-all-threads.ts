// The live heap of a process in all its threads, after a full garbage collection in each. The
// Temporal worker runs workflows in worker threads of its own, whose heaps `global.gc()` in the
// main thread does not collect: the inspector reaches them (NodeWorker domain) and asks each for
// HeapProfiler.collectGarbage, then Runtime.getHeapUsage. For the worker-memory benchmark.
import { Session } from 'node:inspector/promises';

export interface ThreadHeaps {
  /** Live heap of the main thread and of every worker thread, summed, in bytes. */
  used: number;
  threads: number;
}

export async function watchThreadHeaps(): Promise<{ measure(): Promise<ThreadHeaps> }> {
  const session = new Session();
  session.connect();
  const threads = new Set<string>();
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  session.on('NodeWorker.attachedToWorker', (message) => threads.add(message.params.sessionId));
  session.on('NodeWorker.detachedFromWorker', (message) => threads.delete(message.params.sessionId));
  session.on('NodeWorker.receivedMessageFromWorker', (message) => {
    const reply = JSON.parse(message.params.message) as { id?: number; result?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result);
  });
  await session.post('NodeWorker.enable', { waitForDebuggerOnStart: false });

  /** Sends a method to one worker thread's inspector and waits for its answer. */
  const inThread = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, (result) => {
        waiting.delete(id);
        resolve(result);
      });
      void session.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method }) });
    });

  return {
    async measure() {
      await session.post('HeapProfiler.collectGarbage');
      let used = ((await session.post('Runtime.getHeapUsage')) as unknown as { usedSize: number }).usedSize;
      for (const thread of threads) {
        await inThread(thread, 'HeapProfiler.collectGarbage');
        used += ((await inThread(thread, 'Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      }
      return { used, threads: threads.size + 1 };
    },
  };
}
