import { listUsersQuerySchema, RECORD_STATUSES, ROLES, type Role } from '@kinga/shared';
import { Option, type Command } from 'commander';
import type { AppContext } from '../context.ts';
import { listUsers } from '../modules/users/users.repository.ts';
import { CliError, printTable, withContext } from './cli-context.ts';

interface UserListOptions {
  agency?: string;
  role?: Role;
  status?: 'active' | 'inactive';
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('user accounts');
  user
    .command('list')
    .description('list accounts (no secrets): email, name, agency, roles, status, second factor, last sign-in')
    .option('--agency <name-or-id>', 'only this agency (exact name, any case, or id)')
    .addOption(new Option('--role <role>', 'only accounts holding this role').choices(ROLES))
    .addOption(new Option('--status <status>', 'only active or inactive accounts').choices(RECORD_STATUSES))
    .action((options: UserListOptions) => withContext((ctx) => printUsers(ctx, options)));
}

async function printUsers(ctx: AppContext, options: UserListOptions): Promise<void> {
  let agencyId: string | undefined;
  if (options.agency !== undefined) {
    const wanted = options.agency.trim();
    const agency = await ctx.db
      .selectFrom('agencies')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', wanted), eb('name_lower', '=', wanted.toLowerCase())]))
      .executeTakeFirst();
    if (!agency) throw new CliError(`No agency is named "${wanted}".`);
    agencyId = agency.id;
  }
  const rows: string[][] = [];
  let cursor: string | undefined;
  do {
    const query = listUsersQuerySchema.parse({
      limit: 200,
      cursor,
      agencyId,
      role: options.role,
      status: options.status,
    });
    const page = await listUsers(ctx.db, { kind: 'all' }, query);
    for (const u of page.rows) {
      const mfa = u.totp_enabled === 1 ? 'on' : u.mfa_required === 1 ? 'required' : 'off';
      rows.push([u.email, u.name, u.agency_name, u.roles.join(','), u.status, mfa, u.last_sign_in_at ?? 'never']);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // Staff records are personal data: listing them is accounted for like a read over HTTP.
  await ctx.audit.record({
    action: 'cli.user_list',
    outcome: 'success',
    entityType: 'user',
    agencyId: agencyId ?? null,
  });
  if (rows.length === 0) {
    console.log('No accounts match.');
    return;
  }
  printTable(['EMAIL', 'NAME', 'AGENCY', 'ROLES', 'STATUS', '2FA', 'LAST SIGN-IN'], rows);
  console.log(`${rows.length} account(s)`);
}
