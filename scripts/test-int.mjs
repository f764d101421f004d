#!/usr/bin/env node
// Integration tests on both engines: SQLite always, then PostgreSQL. The int-postgres global
// set-up finds or starts PostgreSQL; without one it skips the project, except in CI (CI=true),
// where that fails the run. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const extra = process.argv.slice(2);

let failed = false;
for (const project of ['int-sqlite', 'int-postgres']) {
  console.log(`\n── ${project} ──`);
  const result = spawnSync(process.execPath, [vitest, 'run', '--project', project, ...extra], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.error) {
    console.error(`${project}: could not run vitest: ${result.error.message}`);
    failed = true;
  } else if (result.status !== 0) {
    console.error(`${project}: failed${result.signal ? ` (${result.signal})` : ''}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
