import { createAgencySchema, createUserSchema } from '@kinga/shared';
import type { Command } from 'commander';
import type { AuditEntry } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { insertAgency, newAgencyRow } from '../modules/agencies/agencies.repository.ts';
import { checkPasswordStrength, hashPassword } from '../modules/auth/passwords.ts';
import { issuePasswordToken, passwordLinkUrl } from '../modules/users/password-tokens.ts';
import { insertUser, newUserRow } from '../modules/users/users.repository.ts';
import { CliError, withContext } from './cli-context.ts';

const DEFAULT_AGENCY = 'Secretariat';

interface AdminCreateOptions {
  email: string;
  name: string;
  agencyName?: string;
  passwordStdin?: boolean;
}

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('administrator accounts');
  admin
    .command('create')
    .description('create an administrator; prints a one-time link to choose a password, or takes the password on stdin')
    .requiredOption('--email <email>', 'sign-in email of the administrator')
    .requiredOption('--name <name>', 'full name')
    .option('--agency-name <name>', `agency of the account, created if it does not exist (default "${DEFAULT_AGENCY}")`)
    .option('--password-stdin', 'read the password from standard input instead of printing a link')
    .addHelpText(
      'after',
      '\nExample:\n  npm run kinga -- admin create --email ops@example.org --name "Wanjiku Njeri"\n  printf %s "$PASSWORD" | npm run kinga -- admin create --email ops@example.org --name "Wanjiku Njeri" --password-stdin',
    )
    .action((options: AdminCreateOptions) => withContext((ctx) => createAdministrator(ctx, options)));
}

async function createAdministrator(ctx: AppContext, options: AdminCreateOptions): Promise<void> {
  const email = parseOrFail(createUserSchema.shape.email, options.email, '--email');
  const name = parseOrFail(createUserSchema.shape.name, options.name, '--name');
  const agencyName = parseOrFail(createAgencySchema.shape.name, options.agencyName ?? DEFAULT_AGENCY, '--agency-name');
  let passwordHash: string | null = null;
  if (options.passwordStdin) {
    const password = await readPasswordFromStdin();
    const issue = checkPasswordStrength(password, ctx.config.passwordMinLength, email);
    if (issue) throw new CliError(`The password is not accepted: ${issue.message}.`);
    passwordHash = await hashPassword(password);
  }

  const result = await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
      throw new CliError(`An account with the email ${email} already exists.`);
    }
    const audit: AuditEntry[] = [];
    let agency = await trx
      .selectFrom('agencies')
      .select(['id', 'name', 'status'])
      .where('name_lower', '=', agencyName.toLowerCase())
      .executeTakeFirst();
    if (agency && agency.status !== 'active')
      throw new CliError(
        `The agency "${agency.name}" is inactive; reactivate it or choose another with --agency-name.`,
      );
    const agencyCreated = !agency;
    if (!agency) {
      const row = newAgencyRow({ name: agencyName, type: 'CentralGovernment' });
      await insertAgency(trx, row);
      agency = { id: row.id, name: row.name, status: row.status };
      audit.push({
        action: 'cli.agency_create',
        outcome: 'success',
        agencyId: agency.id,
        entityType: 'agency',
        entityId: agency.id,
      });
    }
    const user = newUserRow({
      name,
      email,
      agencyId: agency.id,
      passwordHash,
      mfaRequired: ctx.config.mfaRequiredRoles.includes('administrator'),
    });
    await insertUser(trx, user, ['administrator']);
    const userId = user.id;
    audit.push({
      action: 'cli.admin_create',
      outcome: 'success',
      agencyId: agency.id,
      entityType: 'user',
      entityId: userId,
    });
    const link = passwordHash ? undefined : await issuePasswordToken(trx, userId, 'setup');
    if (link)
      audit.push({
        action: 'cli.password_link',
        outcome: 'success',
        agencyId: agency.id,
        entityType: 'user',
        entityId: userId,
      });
    await ctx.audit.inTransaction(trx, ...audit);
    return { agencyName: agency.name, agencyCreated, link };
  });

  console.log(
    `Administrator ${email} created in ${result.agencyCreated ? 'the new agency' : 'the agency'} "${result.agencyName}".`,
  );
  if (result.link) {
    const base = ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`;
    console.log(
      `Give them this one-time link to choose a password (valid until ${result.link.expiresAt}; shown only now):`,
    );
    console.log(passwordLinkUrl(base, result.link.token));
  } else {
    console.log('The password was set from standard input.');
  }
  if (ctx.config.mfaRequiredRoles.includes('administrator'))
    console.log('They will be asked to set up a second factor at first sign-in.');
}

function parseOrFail<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  flag: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`${flag}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('Type the password, then press Ctrl-D:');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  // One trailing line break is what `echo` or a terminal adds; it is not part of the password.
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length === 0) throw new CliError('--password-stdin: nothing was read from standard input.');
  return password;
}
