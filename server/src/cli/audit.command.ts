import type { Command } from 'commander';
import { verifyAuditChain } from '../audit/audit.ts';
import { CliError, EXIT, withContext } from './cli-context.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description('walk the audit chain; exit code 0 when intact, 2 when a row was changed, removed or reordered')
    .action(() =>
      withContext(async (ctx) => {
        const result = await verifyAuditChain(ctx.db);
        if (!result.ok) {
          throw new CliError(
            `Audit chain BROKEN at seq ${result.firstBadSeq ?? '?'} (${result.problem ?? 'unknown'}): ${result.message}. ${result.rowsChecked} rows before it are intact.`,
            EXIT.auditBroken,
          );
        }
        console.log(`OK: ${result.message}`);
      }),
    );
}
