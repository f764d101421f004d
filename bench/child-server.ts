import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 90_000;

export interface ServerSpec {
  /** Shown in messages, and names the log file. */
  name: string;
  /** A TypeScript entry point, run with `node --import tsx` from the repository root. */
  entry: string;
  env: Record<string, string>;
  /** A path that answers 200 once the server can take load. */
  readyPath: string;
  repoRoot: string;
  /** Where the child's stdout and stderr go. */
  logFile: string;
  /** When set, the child writes V8 CPU profiles into a folder named after it here, on exit. */
  cpuProfileDir?: string | undefined;
  /** Modules to preload after tsx, such as a probe. */
  preload?: readonly string[];
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** CPU time the child has used so far (user + system, all threads), or null where /proc is missing. */
  cpuMs(): number | null;
  /** Stops the child with SIGTERM (so it drains and closes its database) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Asks the kernel for a port nobody listens on. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

/** Starts a server as a child process, as production would run it, and waits until it answers. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await findFreePort();
  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  const log = fs.openSync(spec.logFile, 'w');
  const nodeArgs = ['--import', 'tsx', ...(spec.preload ?? []).flatMap((m) => ['--import', m])];
  if (spec.cpuProfileDir) {
    // One profile per thread (tsx resolves modules on a thread of its own): the main thread's ends in .0.001.cpuprofile.
    const dir = path.join(spec.cpuProfileDir, spec.name);
    fs.mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', dir);
  }
  const child = spawn(process.execPath, [...nodeArgs, spec.entry], {
    cwd: spec.repoRoot,
    env: { ...inheritedEnv(), ...spec.env, HOST, PORT: String(port) },
    // Straight to a file: logging at info must not be slowed by a pipe this process drains.
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://${HOST}:${port}`;
  try {
    await waitUntilReady(child, exited, `${baseUrl}${spec.readyPath}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `${spec.name} did not start: ${(error as Error).message}\n--- ${spec.logFile} ---\n${tail(spec.logFile)}`,
    );
  }
  return {
    baseUrl,
    pid: child.pid ?? -1,
    logFile: spec.logFile,
    cpuMs: () => (child.pid === undefined ? null : readCpuMs(child.pid)),
    stop: () => stopChild(child, exited, spec.name),
  };
}

async function waitUntilReady(child: ChildProcess, exited: Promise<number | null>, url: string): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (done) throw new Error(`exited with code ${String(child.exitCode)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`no answer from ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, name: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(30_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${name} did not stop within 30 s of SIGTERM`);
  }
  if (code !== 0) console.warn(`${name} exited with code ${String(code)} after SIGTERM`);
}

let clockTicksPerSecond: number | null = null;

/** utime + stime of a process from /proc/<pid>/stat (Linux), in milliseconds. */
function readCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return (ticks * 1000) / clockTicksPerSecond;
  } catch {
    return null;
  }
}

// The caller's own settings (a DATABASE_URL, LOG_LEVEL=debug) must not leak into what is measured.
const SERVER_SETTING = /^(KINGA_|DATABASE_|LOG_LEVEL$|NODE_ENV$|NODE_OPTIONS$|PORT$|HOST$|DATA_DIR$)/;

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !SERVER_SETTING.test(key)) env[key] = value;
  }
  return env;
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
