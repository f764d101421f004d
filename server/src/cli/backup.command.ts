import type { Command } from 'commander';
import { BackupError } from '../backup/backup-format.ts';
import { createBackup, restoreBackup } from '../backup/backup.ts';
import { CliError, EXIT, withContext } from './cli-context.ts';

const KEY_NOTE =
  "The master key is NOT in the backup: keep KINGA_MASTER_KEY or DATA_DIR/master.key safely with it, or victims' identifying details and two-factor secrets cannot be read after a restore.";

interface RestoreCommandOptions {
  force?: boolean;
  allowKeyMismatch?: boolean;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent, portable backup (gzip JSON lines, mode 0600) of every record; sessions are left out',
    )
    .argument('<file>', 'the backup file to write (replaced atomically if it exists)')
    .addHelpText('after', `\n${KEY_NOTE}`)
    .action((file: string) =>
      withContext(async (ctx) => {
        const summary = await translate(() => createBackup(ctx, file));
        await ctx.audit.record({ action: 'cli.backup', outcome: 'success', entityType: 'instance' });
        const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.log(`Backup written to ${summary.file} (${summary.bytes} bytes, ${total} rows from ${ctx.engine}):`);
        console.log(
          `  ${Object.entries(summary.rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
        );
        console.log(KEY_NOTE);
      }),
    );

  program
    .command('restore')
    .description(
      'restore a backup in one transaction (a failed restore changes nothing), then verify the audit chain; signs everyone out',
    )
    .argument('<file>', 'a file written by `kinga backup`, from SQLite or PostgreSQL')
    .option('--force', 'replace the contents of a database that is not empty')
    .option('--allow-key-mismatch', 'restore although the master key in place is not the one the backup was made with')
    .addHelpText(
      'after',
      '\nStop the server first. The backup must come from the same schema (migrations) as this Kinga.',
    )
    .action((file: string, options: RestoreCommandOptions) =>
      withContext(async (ctx) => {
        const summary = await translate(() =>
          restoreBackup(ctx, file, { force: options.force, allowKeyMismatch: options.allowKeyMismatch }),
        );
        const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.log(
          `Restored ${total} rows into ${ctx.engine} from a ${summary.header.engine} backup of ${summary.header.createdAt}${summary.replaced ? ', replacing what the database held' : ''}:`,
        );
        console.log(
          `  ${Object.entries(summary.rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
        );
        console.log('All sessions ended: everyone signs in again.');
        if (!summary.audit.ok) {
          throw new CliError(
            `Audit chain BROKEN at seq ${summary.audit.firstBadSeq ?? '?'} (${summary.audit.problem ?? 'unknown'}): ${summary.audit.message}`,
            EXIT.auditBroken,
          );
        }
        console.log(`Audit verify: ${summary.audit.message}`);
      }),
    );
}

async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
}
