import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../src/server.ts';
import type { ScratchDatabase } from './crash/scratch-database.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only what a process needs: the test run's own DATABASE_URL or DATA_DIR must not leak in. */
export function childEnv(db: ScratchDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...db.env, LOG_LEVEL: 'warn', ...extra };
}

/** Runs `npm run kinga -- <args>` as an operator would, against the scratch database. */
export async function runCli(
  db: ScratchDatabase,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: childEnv(db, options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdin.end(options.stdin ?? '');
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}
