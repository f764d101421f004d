import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/server.ts';

/**
 * The public reference data (CTDC, HTCDS, Kenya's counties) that tests read and the product
 * never needs: `KINGA_SHARED_DATA` when set, else `../shared/data` beside the repository,
 * else the development machines' `/work/shared/data` (a clone elsewhere still finds it).
 */
export const SHARED_DATA =
  [process.env.KINGA_SHARED_DATA, path.resolve(REPO_ROOT, '../shared/data'), '/work/shared/data'].find(
    (dir): dir is string => !!dir && fs.existsSync(dir),
  ) ?? path.resolve(REPO_ROOT, '../shared/data');

/** A file of the reference data, e.g. `sharedData('ctdc', 'ctdc_global_k_anonymized_2018.csv')`. */
export function sharedData(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}
