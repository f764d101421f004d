import { ConfigError, loadConfig, type Config } from '../config.ts';
import type { Role } from '@kinga/shared';
import { buildActor } from '../access/access.ts';
import type { AppContext, RequestContext } from '../context.ts';
import { newId } from '../db/ids.ts';
import { createLogger } from '../logger.ts';
import { MasterKeyError } from '../secrets/master-key.ts';
import { createContext } from '../server.ts';

/** Exit codes: 0 done; the rest tell a script what went wrong without parsing text. */
export const EXIT = {
  ok: 0,
  /** The command could not do what was asked (bad input, refused, not found). */
  failed: 1,
  /** `audit verify`: the chain is broken. */
  auditBroken: 2,
  /** Wrong command line (EX_USAGE). */
  usage: 64,
  /** Unexpected failure (EX_SOFTWARE). */
  internal: 70,
  /** Wrong environment (EX_CONFIG), as at server start-up. */
  config: 78,
} as const;

/** An error whose message is for the operator: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

/** The environment, parsed as the server parses it; a wrong value becomes the ConfigError message and exit code 78. */
export function loadCliConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT.config);
    throw error;
  }
}

/**
 * Opens the database as the server does (migrating it to the latest schema), runs the
 * command, and closes everything, waiting for queued audit rows to be durable.
 */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadCliConfig();
  // The CLI talks to the operator on stdout/stderr itself; structured logs would only interleave.
  const ctx = await openCliContext(config);
  try {
    return await work(ctx);
  } finally {
    await ctx.audit.drain();
    await ctx.database.close();
  }
}

/** createContext, with a wrong or missing master key reported as a fault of the environment (78). */
async function openCliContext(config: Config): Promise<AppContext> {
  try {
    return await createContext(config, createLogger('silent'));
  } catch (error) {
    if (error instanceof MasterKeyError) throw new CliError(error.message, EXIT.config);
    throw error;
  }
}

/** Prints rows as an aligned plain-text table. */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

/**
 * The account a CLI task is recorded under, as an actor with its roles: the account with
 * `email`, else the first active administrator.
 */
export async function cliActor(ctx: AppContext, email: string | undefined): Promise<RequestContext> {
  let q = ctx.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.agency_id'])
    .where('users.status', '=', 'active')
    .where('agencies.status', '=', 'active');
  q = email
    ? q.where('users.email', '=', email.trim().toLowerCase())
    : q.where('users.id', 'in', (eb) =>
        eb.selectFrom('user_roles').select('user_id').where('role', '=', 'administrator'),
      );
  const user = await q.orderBy('users.created_at', 'asc').executeTakeFirst();
  if (!user) {
    throw new CliError(email ? `No active account has the email ${email}.` : 'No active administrator account exists.');
  }
  const roles = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  return {
    actor: buildActor({
      id: user.id,
      agencyId: user.agency_id,
      roles: roles.map((r) => r.role as Role),
      mfaEnrolmentRequired: false,
    }),
    requestId: `cli-${newId()}`,
  };
}
