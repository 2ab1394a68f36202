import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; from a cached read to a slow Temporal round trip and the request budget's edge. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;

let processMetrics: Registry | undefined;

/**
 * Node's process metrics (CPU, memory, event-loop lag, garbage collection): one set per process,
 * made on first use, since each keeps its own observers running for the life of the process.
 */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/**
 * The API's Prometheus metrics: requests by method, route pattern and status class, server errors,
 * latency, and Node's process metrics. Each app has its own request metrics, so two apps in one
 * process (tests) never count into each other; they share the process's. Labels carry route
 * patterns, never raw paths, so their number stays bounded whatever clients send.
 */
export function createHttpMetrics() {
  const own = new Registry();
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class (2xx, 4xx, …)',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [own],
  });
  const errors = new Counter({
    name: 'http_request_errors_total',
    help: 'HTTP requests answered with a server error (5xx), by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [own],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to having its answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: latencyBuckets,
    registers: [own],
  });
  return {
    registry: Registry.merge([processRegistry(), own]),
    observe({ method, route, status, seconds }: { method: string; route: string; status: number; seconds: number }) {
      requests.inc({ method, route, status_class: `${Math.floor(status / 100)}xx` });
      if (status >= 500) errors.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
  };
}
