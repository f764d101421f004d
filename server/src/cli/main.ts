import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './admin.command.ts';
import { registerAuditCommands } from './audit.command.ts';
import { registerBackupCommands } from './backup.command.ts';
import { CliError, EXIT } from './cli-context.ts';
import { registerDemoCommands } from './demo.command.ts';
import { registerExportCommands } from './export.command.ts';
import { registerImportCommands } from './import.command.ts';
import { registerKeysCommands } from './keys.command.ts';
import { registerMigrateCommand } from './migrate.command.ts';
import { registerUserCommands } from './user.command.ts';

/** The operator CLI: `npm run kinga -- <command>`; configuration comes from the same environment as the server. */
function buildProgram(): Command {
  const program = new Command('kinga')
    .description(
      'Kinga operator commands. Configuration comes from the environment (DATA_DIR, DATABASE_URL, …), as for the server.',
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Commands in full (each takes --help):
  migrate
  admin create --email <email> --name <name> [--agency-name <name>] [--password-stdin]
  user list [--agency <name-or-id>] [--role <role>] [--status active|inactive]
  backup <file>
  restore <file> [--force] [--allow-key-mismatch]
  audit verify
  keys status
  keys rotate-master [--keep-old <file>]
  keys add-data-key
  demo seed
  import ctdc <file.csv> [--user <email>]
  import htcds <file.xlsx> --agency <name-or-id> [--user <email>]
  export ctdc [--method k|dp] [--source all|case|ctdc] [--out <file.csv>] [--k <k>] [--epsilon <ε>] [--user <email>]

Exit codes: 0 done, 1 refused or failed, 2 audit chain broken, 64 wrong usage, 70 unexpected error, 78 wrong environment.`,
    );
  registerMigrateCommand(program);
  registerAdminCommands(program);
  registerUserCommands(program);
  registerBackupCommands(program);
  registerAuditCommands(program);
  registerKeysCommands(program);
  registerDemoCommands(program);
  registerImportCommands(program);
  registerExportCommands(program);
  // Subcommands inherit exit override so usage errors reach the handler below.
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help) already.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      console.error(error.message);
      return error.exitCode;
    }
    console.error(`kinga: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.KINGA_DEBUG === '1' && error instanceof Error) console.error(error.stack);
    return EXIT.internal;
  }
}

// Output piped into `head` and closed early is not a failure of the command: every command prints after its work is done.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

process.exitCode = await main(process.argv);
