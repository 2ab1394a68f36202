import { pino, type DestinationStream, type Logger } from 'pino';

/** The levels `LOG_LEVEL` takes, quietest last. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export type { Logger };

/**
 * One JSON object per line on stdout (or `destination`), for whatever collects the logs; shared by
 * the API and the worker so both write the same shape. Workflow code never logs through it: it
 * would not be deterministic.
 */
export function createLogger({ level = 'info', destination }: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  // Levels by name ("warn"), not pino's numbers, so a reader or a log query needs no table.
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label: string) => ({ level: label }) } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Writes out every line still waiting and ends the logger's stream: for the moment before the process
 * exits. pino's `flush(cb)` is not enough there: with the default asynchronous stdout it calls back at
 * once even while a write is still under way, and `process.exit` then loses that write (the lines
 * saying what stopped). Resolves after `limitMs` at the latest; a logger given its own destination
 * that cannot end is left as it is. The logger and its children write nothing from then on.
 */
export function endLog(logger: Logger, limitMs = 2000): Promise<void> {
  const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as ReturnType<typeof pino.destination> | undefined;
  if (!stream || typeof stream.end !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    stream.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      stream.end();
    } catch {
      resolve(); // already ended
    }
    // Whatever still logs (a part left running, through this logger or a child of it) writes nothing
    // rather than throwing at an ended stream, as pino does itself when stdout is gone (EPIPE).
    stream.write = () => true;
  });
}

/**
 * For code started without a configured logger (tests, one-off helpers): warnings and errors only,
 * so a test run is not one line per request.
 */
export const fallbackLogger: Logger = createLogger({ level: 'warn' });
