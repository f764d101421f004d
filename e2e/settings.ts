/** Values shared by the Playwright configuration and the specs; no Playwright imports here. */
import fs from 'node:fs';
import path from 'node:path';

/** Sign-in failures before an account is throttled; small so the throttling spec stays quick. */
export const LOGIN_MAX_FAILURES = 3;

/** Password of every demo account (the contract's default of KINGA_DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'kinga-demo-2026';

/**
 * The public reference data beside the repository (`../shared/data`), as the server's tests
 * find it (server/test/shared-data.ts): KINGA_SHARED_DATA, else `../shared/data`, else
 * `/work/shared/data`.
 */
export function sharedDataDir(repoRoot: string): string {
  const candidates = [process.env.KINGA_SHARED_DATA, path.resolve(repoRoot, '../shared/data'), '/work/shared/data'];
  return (
    candidates.find((dir): dir is string => !!dir && fs.existsSync(dir)) ?? path.resolve(repoRoot, '../shared/data')
  );
}
