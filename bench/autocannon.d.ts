// autocannon ships no types; this declares the part of its API the benchmark uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
  }

  /** Percentiles are named by their value: p50, p97_5, p99, … */
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  }

  interface Result {
    url: string;
    connections: number;
    duration: number;
    start: Date;
    finish: Date;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    /** Requests per second, sampled each second; `sent` counts every request written. */
    requests: Histogram & { sent: number };
    throughput: Histogram;
  }

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): EventEmitter;

  export default autocannon;
  export type { Histogram, Options, Result };
}
