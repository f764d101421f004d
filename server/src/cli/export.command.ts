import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_RELEASE_ATTRIBUTES, createReleaseSchema } from '@kinga/shared';
import { Option, type Command } from 'commander';
import type { AppContext } from '../context.ts';
import { createRelease, downloadRelease } from '../modules/releases/releases.service.ts';
import { CliError, EXIT, cliActor, withContext } from './cli-context.ts';

interface ExportOptions {
  method: 'k' | 'dp';
  source: 'all' | 'case' | 'ctdc';
  out?: string;
  title?: string;
  attributes?: string;
  quasiIdentifiers?: string;
  k?: string;
  maxSuppression?: string;
  epsilon?: string;
  delta?: string;
  reportingLength?: string;
  fabricationThreshold?: string;
  from?: string;
  to?: string;
  user?: string;
}

export function registerExportCommands(program: Command): void {
  const command = program.command('export').description('protected record-level releases of the statistics');
  command
    .command('ctdc')
    .description(
      'write a protected release in CTDC form (CSV with CTDC variable names, and a codebook next to it) and record it in the releases',
    )
    .addOption(
      new Option('--method <method>', 'k-anonymous records, or synthetic records with differential privacy')
        .choices(['k', 'dp'])
        .default('k'),
    )
    .addOption(
      new Option('--source <source>', 'records: all, own cases only, or imported CTDC records')
        .choices(['all', 'case', 'ctdc'])
        .default('all'),
    )
    .option(
      '--out <file>',
      'the CSV file to write (default: kinga-release-<date>.csv); the codebook goes next to it (-codebook.md)',
    )
    .option('--title <title>', 'the title of the release')
    .option(
      '--attributes <names>',
      `comma-separated CTDC variable names (default: ${DEFAULT_RELEASE_ATTRIBUTES.join(',')})`,
    )
    .option(
      '--quasi-identifiers <names>',
      'k-anonymity: comma-separated quasi-identifiers (default: the profile ones chosen)',
    )
    .option('--k <k>', 'k-anonymity: smallest group of records sharing the quasi-identifiers (default 11)')
    .option('--max-suppression <share>', 'k-anonymity: largest share of records that may be dropped (default 0.05)')
    .option('--epsilon <epsilon>', 'differential privacy: privacy budget ε (default 4)')
    .option('--delta <delta>', 'differential privacy: δ (default 1e-6)')
    .option('--reporting-length <length>', 'differential privacy: longest combination measured, 1-4 (default 3)')
    .option('--fabrication-threshold <n>', 'differential privacy: missing combinations tolerated per value (default 0)')
    .option('--from <period>', 'first year or month (YYYY or YYYY-MM)')
    .option('--to <period>', 'last year or month (YYYY or YYYY-MM)')
    .option('--user <email>', 'the account the release is recorded under (default: the first active administrator)')
    .action((options: ExportOptions) => withContext((ctx) => runExport(ctx, options)));
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

async function runExport(ctx: AppContext, options: ExportOptions): Promise<void> {
  const method = options.method === 'dp' ? 'dp_synthetic' : 'k_anonymity';
  const date = new Date().toISOString().slice(0, 10);
  const raw = {
    title: options.title ?? `CTDC export ${date} (${method === 'dp_synthetic' ? 'synthetic, DP' : 'k-anonymous'})`,
    method,
    source: options.source,
    attributes: list(options.attributes) ?? [...DEFAULT_RELEASE_ATTRIBUTES],
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(method === 'k_anonymity'
      ? {
          kAnonymity: {
            ...(options.k !== undefined ? { k: number(options.k) } : {}),
            ...(options.quasiIdentifiers ? { quasiIdentifiers: list(options.quasiIdentifiers) } : {}),
            ...(options.maxSuppression !== undefined ? { maxSuppression: number(options.maxSuppression) } : {}),
          },
        }
      : {
          dp: {
            ...(options.epsilon !== undefined ? { epsilon: number(options.epsilon) } : {}),
            ...(options.delta !== undefined ? { delta: number(options.delta) } : {}),
            ...(options.reportingLength !== undefined ? { reportingLength: number(options.reportingLength) } : {}),
            ...(options.fabricationThreshold !== undefined
              ? { fabricationThreshold: number(options.fabricationThreshold) }
              : {}),
          },
        }),
  };
  if (method === 'k_anonymity' && (options.epsilon ?? options.delta ?? options.reportingLength) !== undefined) {
    throw new CliError('--epsilon, --delta and --reporting-length go with --method dp.', EXIT.usage);
  }
  if (method === 'dp_synthetic' && (options.k ?? options.quasiIdentifiers ?? options.maxSuppression) !== undefined) {
    throw new CliError('--k, --quasi-identifiers and --max-suppression go with --method k.', EXIT.usage);
  }
  const parsed = createReleaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(input)'}: ${issue.message}`);
    throw new CliError(`The release parameters are not valid:\n${issues.join('\n')}`, EXIT.usage);
  }
  const out = path.resolve(options.out ?? `kinga-release-${date}.csv`);
  const codebookPath = out.replace(/\.csv$/i, '') + '-codebook.md';
  if (!fs.existsSync(path.dirname(out))) throw new CliError(`The folder ${path.dirname(out)} does not exist.`);

  const rc = await cliActor(ctx, options.user);
  const release = await createRelease(ctx, rc, parsed.data);
  const csv = await downloadRelease(ctx, rc, release.id, 'csv');
  const codebook = await downloadRelease(ctx, rc, release.id, 'codebook');
  fs.writeFileSync(out, csv.body, { mode: 0o600 });
  fs.writeFileSync(codebookPath, codebook.body, { mode: 0o600 });
  const m = release.metrics;
  console.log(`Release ${release.id}: ${m.releasedRecords} records from ${m.realRecords} (${release.method}).`);
  if (release.method === 'k_anonymity') {
    console.log(`Records dropped: ${m.recordsSuppressed} (${(m.recordsSuppressedShare * 100).toFixed(2)} %).`);
  } else {
    console.log(`Noise σ per combination length: ${(m.noiseSigma ?? []).map((s) => s.toFixed(1)).join(', ')}.`);
  }
  console.log(`Wrote ${out}`);
  console.log(`Wrote ${codebookPath}`);
}
