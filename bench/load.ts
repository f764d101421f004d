import autocannon, { type Result } from 'autocannon';

export interface LoadOptions {
  url: string;
  /** Reads the server's CPU time in ms, when it can be read. */
  serverCpuMs?: () => number | null;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

/** What one autocannon run tells: throughput, latency and everything that was not a 2xx. */
export interface Measurement {
  url: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Responses with a 2xx status. */
  ok: number;
  /** Requests written, including those still in flight when the run stopped. */
  sent: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /**
   * The server's CPU time (user + system) per answered request during the run: less swayed than
   * throughput by other work on the machine, and it leaves out time spent waiting (fsync).
   */
  serverCpuUsPerRequest: number | null;
}

/** Runs autocannon against one URL and condenses its result. */
export async function measure(options: LoadOptions): Promise<Measurement> {
  const cpuBefore = options.serverCpuMs?.() ?? null;
  const result = await new Promise<Result>((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        pipelining: 1,
        timeout: 10,
        headers: options.headers ?? {},
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  const cpuAfter = options.serverCpuMs?.() ?? null;
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    url: options.url,
    connections: options.connections,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    ok: result['2xx'],
    sent: result.requests.sent,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    serverCpuUsPerRequest:
      cpuBefore === null || cpuAfter === null || answered === 0
        ? null
        : Math.round(((cpuAfter - cpuBefore) * 1000) / answered),
  };
}

/** Why a run cannot be trusted: any error, timeout or non-2xx answer. */
export function problemsOf(m: Measurement): string | null {
  if (m.errors === 0 && m.timeouts === 0 && m.non2xx === 0) return null;
  return `${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (status codes ${JSON.stringify(m.statusCodes)})`;
}
