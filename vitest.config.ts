import { defineConfig } from 'vitest/config';

const integration = (engine: 'sqlite' | 'postgres') => ({
  extends: true,
  test: {
    name: `int-${engine}`,
    include: ['server/src/**/*.int.test.ts'],
    environment: 'node',
    env: { KINGA_TEST_ENGINE: engine },
    // PostgreSQL is found (or started) once per run, and a migrated template database made.
    globalSetup: engine === 'postgres' ? ['server/test/global-setup.postgres.ts'] : [],
    // Password hashing (argon2id) and real databases make these slower than unit tests.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

/**
 * Three tiers (STYLE.md): `unit` needs no database; `int-sqlite` and `int-postgres` run
 * every `*.int.test.ts` against a real database of each engine, one database per test file.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
          environment: 'node',
        },
      },
      integration('sqlite'),
      integration('postgres'),
    ],
  },
});
