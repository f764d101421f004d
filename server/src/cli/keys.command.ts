import type { Command } from 'commander';
import { AuditLog } from '../audit/audit.ts';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import {
  DataKeys,
  findWrappingKey,
  insertFieldDataKey,
  inspectDataKeys,
  MasterKeyMismatchError,
} from '../secrets/data-keys.ts';
import { openMasterKey, rotateEnvMasterKey, rotateFileMasterKey, RotationError } from '../secrets/key-rotation.ts';
import { Keyring, MASTER_KEY_PATTERN, masterKeyFiles, MasterKeyError } from '../secrets/master-key.ts';
import { CliError, EXIT, loadCliConfig, printTable } from './cli-context.ts';

const NEW_KEY_VARIABLE = 'KINGA_NEW_MASTER_KEY';

const STOP_FIRST =
  'Stop every server process first, and start them again afterwards: a running server keeps the old key in memory.';

interface RotateOptions {
  keepOld?: string;
}

/**
 * `keys …`: the master key and the data keys it wraps (secrets/data-keys.ts). These commands
 * open the database themselves rather than through withContext, because `status` must also
 * work, and say so, when the master key in place does not open the data keys.
 */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('the master key and the data keys that encrypt identifying data');

  keys
    .command('status')
    .description(
      'list the data keys by purpose with their creation dates, and check that the master key in place unlocks them (exit 1 if not)',
    )
    .action(() => withKeyDatabase(showStatus));

  keys
    .command('rotate-master')
    .description(
      'replace the master key: rewrap every data key and re-encrypt two-factor secrets under a new key in one transaction',
    )
    .option('--keep-old <file>', 'also write the old key to this new file (mode 0600), for backups made before now')
    .addHelpText(
      'after',
      `
With DATA_DIR/master.key, a new random key is made and replaces the file (crash-safe: an
interrupted rotation is finished or undone at the next start). With KINGA_MASTER_KEY, put the
new key (32 random bytes in base64: \`openssl rand -base64 32\`) in ${NEW_KEY_VARIABLE}; then
replace KINGA_MASTER_KEY with it. Backups made before the rotation need the OLD key to restore.
${STOP_FIRST}`,
    )
    .action((options: RotateOptions) => withKeyDatabase((deps) => rotateMaster(deps, options)));

  keys
    .command('add-data-key')
    .description('add a new field data key: values sealed from now on use it, older values keep theirs')
    .addHelpText('after', '\nRestart every server process afterwards: each seals with the newest key it loaded.')
    .action(() => withKeyDatabase(addDataKey));
}

interface KeyDeps {
  config: Config;
  database: DatabaseHandle;
  audit: AuditLog;
}

/** Opens and migrates the database as withContext does, but leaves the master key to the command. */
async function withKeyDatabase(work: (deps: KeyDeps) => Promise<void>): Promise<void> {
  const config = loadCliConfig();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const audit = new AuditLog(database.db, database.engine);
  try {
    await migrateToLatest(database.db);
    await work({ config, database, audit });
  } catch (error) {
    if (error instanceof MasterKeyError) throw new CliError(error.message, EXIT.config);
    if (error instanceof RotationError) throw new CliError(error.message);
    throw error;
  } finally {
    await audit.drain();
    await database.close();
  }
}

async function openKey(deps: KeyDeps): Promise<Keyring> {
  const opened = await openMasterKey({ fromEnv: deps.config.masterKey, dataDir: deps.config.dataDir }, deps.database);
  if (opened.recovery === 'completed')
    console.log('An interrupted rotation was finished: master.key now holds the new key.');
  if (opened.recovery === 'discarded')
    console.log('An interrupted rotation was undone: master.key still holds the key in place.');
  return opened.keyring;
}

function describeSource(config: Config): string {
  return config.masterKey ? 'KINGA_MASTER_KEY (environment)' : masterKeyFiles(config.dataDir).current;
}

async function showStatus(deps: KeyDeps): Promise<void> {
  let keyring: Keyring | undefined;
  let keyProblem: string | undefined;
  try {
    keyring = await openKey(deps);
  } catch (error) {
    if (!(error instanceof MasterKeyError)) throw error;
    keyProblem = error.message;
  }
  const state = await inspectDataKeys(deps.database.db, keyring);
  console.log(`Master key: ${describeSource(deps.config)}`);
  console.log(`Database: ${deps.database.engine}`);
  console.log('');
  printTable(
    ['purpose', 'id', 'created (UTC)', 'unlocked'],
    state.dataKeys.map((k) => [
      k.current ? `${k.purpose} (current)` : k.purpose,
      k.id,
      k.createdAt,
      k.opens ? 'yes' : 'NO',
    ]),
  );
  const byPurpose = new Map<string, number>();
  for (const k of state.dataKeys) byPurpose.set(k.purpose, (byPurpose.get(k.purpose) ?? 0) + 1);
  console.log('');
  console.log(
    `Data keys by purpose: ${
      [...byPurpose]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([purpose, n]) => `${purpose} ${n}`)
        .join(', ') || 'none yet'
    }`,
  );
  console.log(`Two-factor secrets: ${state.secrets.total}, ${state.secrets.opening} open with this key`);
  const locked = state.dataKeys.filter((k) => !k.opens).length;
  const lockedSecrets = state.secrets.total - state.secrets.opening;
  if (keyProblem !== undefined || locked > 0 || lockedSecrets > 0) {
    throw new CliError(
      keyProblem ??
        `NOT UNLOCKED: the master key in place does not open ${locked} of ${state.dataKeys.length} data keys and ${lockedSecrets} of ${state.secrets.total} two-factor secrets. The server will refuse to start; put back the key this database was created or last rotated with.`,
    );
  }
  console.log('OK: the master key in place unlocks every data key.');
}

async function rotateMaster(deps: KeyDeps, options: RotateOptions): Promise<void> {
  const { config, database } = deps;
  const fromEnv = config.masterKey;
  const newValue = process.env[NEW_KEY_VARIABLE];
  const audited = (trx: Parameters<AuditLog['inTransaction']>[0]) =>
    deps.audit.inTransaction(trx, { action: 'cli.keys_rotate_master', outcome: 'success', entityType: 'instance' });

  if (!fromEnv) {
    if (newValue) {
      throw new CliError(
        `${NEW_KEY_VARIABLE} is used only with KINGA_MASTER_KEY; with DATA_DIR/master.key a new key is generated. Unset it and run again.`,
        EXIT.config,
      );
    }
    const keyring = await openKey(deps);
    // Loading the data keys proves the key in place opens them (and creates them on a new database).
    await DataKeys.load(database.db, keyring);
    const counts = await rotateFileMasterKey(database, config.dataDir, {
      keepOldAt: options.keepOld,
      inTransaction: audited,
    });
    console.log(
      `Master key rotated: ${counts.dataKeys} data keys rewrapped and ${counts.secrets} two-factor secrets re-encrypted, in one transaction.`,
    );
    console.log(`${masterKeyFiles(config.dataDir).current} now holds the new key. Start the server processes again.`);
    if (options.keepOld) {
      console.warn(
        `WARNING: backups made before this rotation need the OLD master key to be restored. It was written to ${options.keepOld} (mode 0600): keep it with those backups, away from this server, and destroy it when they expire.`,
      );
    } else {
      console.warn(
        'WARNING: backups made before this rotation need the OLD master key to be restored, and it was not kept (--keep-old). Take a new backup now.',
      );
    }
    return;
  }

  if (options.keepOld) {
    throw new CliError(
      '--keep-old applies to DATA_DIR/master.key only: with KINGA_MASTER_KEY you hold the old key yourself.',
      EXIT.usage,
    );
  }
  if (!newValue) {
    throw new CliError(
      `KINGA_MASTER_KEY is set: put the new key (32 random bytes in base64, e.g. \`openssl rand -base64 32\`) in ${NEW_KEY_VARIABLE} and run again.`,
      EXIT.config,
    );
  }
  // The same check as KINGA_MASTER_KEY's (config.ts); the message names the variable, never its value.
  if (!MASTER_KEY_PATTERN.test(newValue)) {
    throw new CliError(
      `Invalid configuration:\n  ${NEW_KEY_VARIABLE}: must be 32 bytes in base64 (44 characters)`,
      EXIT.config,
    );
  }
  const from = new Keyring(Buffer.from(fromEnv, 'base64'));
  const to = new Keyring(Buffer.from(newValue, 'base64'));
  if (from.masterKeyCheck() === to.masterKeyCheck()) {
    throw new CliError(
      `${NEW_KEY_VARIABLE} holds the key already in KINGA_MASTER_KEY: generate a new one.`,
      EXIT.config,
    );
  }
  const wrapping = await findWrappingKey(database.db, [from, to]);
  if (wrapping === 1) {
    // A rerun after the rotation committed (or a crash before the operator replaced the variable).
    console.log(
      `The database is already wrapped by ${NEW_KEY_VARIABLE}: nothing to do. Replace KINGA_MASTER_KEY with it and remove ${NEW_KEY_VARIABLE}.`,
    );
    return;
  }
  if (wrapping === undefined) throw new MasterKeyMismatchError();
  await DataKeys.load(database.db, from);
  const counts = await rotateEnvMasterKey(database, from, to, audited);
  console.log(
    `Rewrapped under ${NEW_KEY_VARIABLE}: ${counts.dataKeys} data keys and ${counts.secrets} two-factor secrets, in one transaction.`,
  );
  console.log(
    `Now replace KINGA_MASTER_KEY with the value of ${NEW_KEY_VARIABLE} wherever the servers' environment is kept (e.g. /etc/kinga/kinga.env), remove ${NEW_KEY_VARIABLE}, and start the servers. Until then they refuse to start (exit 78).`,
  );
  console.warn(
    'WARNING: backups made before this rotation need the OLD master key to be restored: keep it with those backups, away from this server, until they expire.',
  );
}

async function addDataKey(deps: KeyDeps): Promise<void> {
  const keyring = await openKey(deps);
  await DataKeys.load(deps.database.db, keyring);
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const added = await insertFieldDataKey(trx, keyring);
    await deps.audit.inTransaction(trx, {
      action: 'cli.keys_add_data_key',
      outcome: 'success',
      entityType: 'data_key',
      entityId: added,
    });
    return added;
  });
  console.log(`Field data key ${id} added: values sealed from now on use it; older values keep their keys.`);
  console.log('Restart every server process so that they seal with it.');
}
