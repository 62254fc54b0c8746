import { createRequire } from 'node:module';

/**
 * A typed view of the part of autocannon's programmatic API the benchmark uses. autocannon ships
 * no types and `@types/autocannon` is not installed, so the module is loaded through
 * `createRequire` and described here (autocannon 9, lib/requestIterator.js, lib/aggregateResult.js).
 */

export type AcContext = Record<string, unknown>;

export interface AcRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Called before each send of this request; returns the request to send (a falsy value restarts the sequence). */
  setupRequest?: (req: AcRequest, context: AcContext) => AcRequest;
  /** Called with each response to this request; `context` lives for one pass over `requests`, per connection. */
  onResponse?: (status: number, body: string, context: AcContext, headers: Record<string, string | string[]>) => void;
}

export interface AcOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  pipelining?: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  title?: string;
  requests: AcRequest[];
}

/** Percentiles as autocannon reports them (latency in milliseconds, requests per second). */
export interface AcHistogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  total: number;
}

export interface AcResult {
  /** Seconds. */
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: AcHistogram & { totalCount: number };
  requests: AcHistogram & { sent: number };
  throughput: AcHistogram;
}

interface AcInstance {
  stop(): void;
}

type AutocannonFn = (opts: AcOptions, cb: (err: Error | null, result: AcResult) => void) => AcInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as AutocannonFn;

let running: AcInstance | null = null;

/** Runs one autocannon measurement to its end. */
export function runAutocannon(opts: AcOptions): Promise<AcResult> {
  return new Promise((resolve, reject) => {
    running = autocannon(opts, (err, result) => {
      running = null;
      if (err) reject(err);
      else resolve(result);
    });
  });
}

/** Stops the measurement in progress, if any (used on Ctrl-C). */
export function stopAutocannon(): void {
  running?.stop();
}
