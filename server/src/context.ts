import type { Logger } from 'pino';
import type { Actor } from './access/access.ts';
import type { AuditLog } from './audit/audit.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle, Db, Engine } from './db/database.ts';
import type { DataKeys } from './secrets/data-keys.ts';
import type { Keyring } from './secrets/master-key.ts';

/** What every module is given at boot: no module keeps state of its own. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  engine: Engine;
  audit: AuditLog;
  keyring: Keyring;
  /** Seals and opens victims' identifying data; see secrets/data-keys.ts. */
  dataKeys: DataKeys;
  logger: Logger;
  version: string;
  /** True when this instance holds the demo data set. */
  isDemo(): Promise<boolean>;
}

/** Who asks, from where, under which request id: what services need to check access and audit. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
}
