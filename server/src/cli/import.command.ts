import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_MAX_BYTES, type ImportKind } from '@kinga/shared';
import type { Command } from 'commander';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/errors.ts';
import { readImport, listImportErrors, startImport, waitForImports } from '../modules/imports/imports.service.ts';
import { CliError, cliActor, withContext } from './cli-context.ts';

interface ImportOptions {
  agency?: string;
  user?: string;
}

export function registerImportCommands(program: Command): void {
  const command = program
    .command('import')
    .description('import outside data: a CTDC CSV file into the statistics, or an HTCDS workbook as cases');
  command
    .command('ctdc <file>')
    .description('import a CTDC global dataset CSV (de-identified records)')
    .option('--user <email>', 'the account the import is recorded under (default: the first active administrator)')
    .action((file: string, options: ImportOptions) => withContext((ctx) => runImport(ctx, 'ctdc', file, options)));
  command
    .command('htcds <file>')
    .description('import an HTCDS v2 Excel workbook: each valid row becomes a registered case of the agency')
    .requiredOption('--agency <name-or-id>', 'the agency the cases go to (exact name, any case, or id)')
    .option('--user <email>', 'the account the import is recorded under (default: the first active administrator)')
    .action((file: string, options: ImportOptions) => withContext((ctx) => runImport(ctx, 'htcds', file, options)));
}

async function agencyIdOf(ctx: AppContext, wanted: string): Promise<string> {
  const name = wanted.trim();
  const agency = await ctx.db
    .selectFrom('agencies')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', name), eb('name_lower', '=', name.toLowerCase())]))
    .executeTakeFirst();
  if (!agency) throw new CliError(`No agency is named "${name}".`);
  return agency.id;
}

async function runImport(ctx: AppContext, kind: ImportKind, file: string, options: ImportOptions): Promise<void> {
  let content: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.size > IMPORT_MAX_BYTES) throw new CliError(`${file} is larger than 20 MB.`);
    content = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read ${file}.`);
  }
  const rc = await cliActor(ctx, options.user);
  const agencyId = kind === 'htcds' && options.agency ? await agencyIdOf(ctx, options.agency) : undefined;
  let started;
  try {
    started = await startImport(ctx, rc, {
      kind,
      agencyId,
      fileNameHeader: encodeURIComponent(path.basename(file)),
      content,
    });
  } catch (error) {
    if (error instanceof HttpProblem) {
      const issues = error.issues?.map((i) => ` ${i.message}`).join(';') ?? '';
      throw new CliError(`Import refused: ${error.title}.${issues}`);
    }
    throw error;
  }
  if (started.duplicate) {
    console.log(
      `Already imported on ${started.import.createdAt} (import ${started.import.id}): ${started.import.importedRows} rows; nothing imported again.`,
    );
    return;
  }
  await waitForImports(ctx);
  const done = await readImport(ctx, rc, started.import.id);
  console.log(`Import ${done.id} (${kind}) ${done.status}.`);
  console.log(`valid: ${done.validRows}`);
  console.log(`invalid: ${done.invalidRows}`);
  console.log(`imported: ${done.importedRows}`);
  let cursor: string | undefined;
  do {
    const page = await listImportErrors(ctx, rc, done.id, { limit: 200, cursor });
    for (const e of page.items) console.log(`  line ${e.line}: ${e.reason}${e.column ? ` (${e.column})` : ''}`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (done.importedRows === 0) throw new CliError('Nothing was imported.');
}
