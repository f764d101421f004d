import type { Command } from 'commander';
import { AuditLog } from '../audit/audit.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { isDatabaseEmpty } from '../modules/demo/demo.seed.ts';
import { loadCliConfig } from './cli-context.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this when it starts)')
    .action(async () => {
      const config = loadCliConfig();
      const database = openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        poolSize: 1,
        statementTimeoutMs: config.statementTimeoutMs,
      });
      try {
        const { applied } = await migrateToLatest(database.db);
        // Changing the schema under existing records is accounted for; an empty database has nothing to account for yet,
        // and an audit row there would make it look occupied to `restore`.
        if (applied.length > 0 && !(await isDatabaseEmpty(database.db))) {
          await new AuditLog(database.db, database.engine).record({
            action: 'cli.migrate',
            outcome: 'success',
            entityType: 'instance',
          });
        }
        console.log(
          applied.length > 0
            ? `Applied ${applied.length} migration(s) on ${database.engine}: ${applied.join(', ')}`
            : `The ${database.engine} database is up to date.`,
        );
      } finally {
        await database.close();
      }
    });
}
