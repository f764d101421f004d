import autocannon, { type Result } from 'autocannon';

export interface LoadOptions {
  url: string;
  /** Reads the server's CPU time in ms, when it can be read. */
  serverCpuMs?: () => number | null;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** autocannon drops a request that takes longer and leaves it out of the latencies; 10 s unless set. */
  timeoutSeconds?: number;
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
        timeout: options.timeoutSeconds ?? 10,
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

/** Why a run cannot be trusted: no answer at all, or any error, timeout or non-2xx answer. */
export function problemsOf(m: Measurement): string | null {
  if (m.ok === 0) return `no 2xx answer within the ${m.durationSeconds} s run`;
  if (m.errors === 0 && m.timeouts === 0 && m.non2xx === 0) return null;
  return `${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (status codes ${JSON.stringify(m.statusCodes)})`;
}

/** Latencies of one caller making one call at a time, timed per call with a sub-millisecond clock. */
export interface SequentialMeasurement {
  calls: number;
  durationSeconds: number;
  callsPerSecond: number;
  /** Milliseconds, to the microsecond. */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

/**
 * Calls `call` back to back for a fixed time, one at a time, and reports the distribution of
 * the time each call took (autocannon reports whole milliseconds).
 */
export async function measureSequential(call: () => unknown, durationSeconds: number): Promise<SequentialMeasurement> {
  const [measurement] = await measureAlternating([call], durationSeconds);
  return measurement as SequentialMeasurement;
}

/**
 * Several callers measured as `measureSequential` does, taking turns in short slices until each
 * has had the whole duration: on a shared machine, load from elsewhere then falls on all of
 * them alike, and their ratio holds where their absolute numbers drift.
 */
export async function measureAlternating(
  calls: readonly (() => unknown)[],
  durationSeconds: number,
  sliceSeconds = 0.5,
): Promise<SequentialMeasurement[]> {
  const samples = calls.map((): number[] => []);
  const elapsed = calls.map(() => 0);
  for (let turn = 0; elapsed.some((e) => e < durationSeconds); turn = (turn + 1) % calls.length) {
    const call = calls[turn];
    const own = samples[turn];
    const spent = elapsed[turn] ?? 0;
    if (!call || !own || spent >= durationSeconds) continue;
    elapsed[turn] = spent + (await runSlice(call, Math.min(sliceSeconds, durationSeconds - spent), own));
  }
  return samples.map((own, i) => {
    const seconds = elapsed[i] ?? 0;
    return {
      calls: own.length,
      durationSeconds: Math.round(seconds * 100) / 100,
      callsPerSecond: seconds > 0 ? own.length / seconds : 0,
      latencyMs: latencySummary(own),
    };
  });
}

/** Calls back to back for about `seconds`, adding each call's time to `samples`; answers the seconds taken. */
async function runSlice(call: () => unknown, seconds: number, samples: number[]): Promise<number> {
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  let now = started;
  while (now < until) {
    const before = now;
    const result = call();
    if (result instanceof Promise) await result;
    now = process.hrtime.bigint();
    samples.push(Number(now - before) / 1e6);
  }
  return Number(now - started) / 1e9;
}

function latencySummary(samples: number[]): SequentialMeasurement['latencyMs'] {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const total = samples.reduce((s, v) => s + v, 0);
  return {
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(at(1)),
    mean: round(samples.length ? total / samples.length : 0),
  };
}
