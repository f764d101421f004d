import path from 'node:path';
import { z } from 'zod';
import { ROLES, VICTIM_DATA_ROLES, type Role } from '@kinga/shared';

// `none` turns the requirement off; an empty variable means "unset" and keeps the default.
const roleList = z
  .string()
  .transform((v) =>
    v.trim() === 'none'
      ? []
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
  )
  .pipe(z.array(z.enum(ROLES)));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** One schema over the environment: names and defaults of the contract, plus production settings. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KINGA_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  KINGA_DEMO_PASSWORD: z.string().min(8).default('kinga-demo-2026'),
  KINGA_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters)')
    .optional(),
  KINGA_PUBLIC_URL: z.url().optional(),
  KINGA_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'must be false, true, a hop count, or addresses/CIDRs separated by commas',
    )
    .default('false')
    .transform((v): boolean | number | string =>
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
    ),
  KINGA_SESSION_IDLE_MINUTES: positiveInt(30),
  KINGA_SESSION_ABSOLUTE_HOURS: positiveInt(12),
  KINGA_MFA_REQUIRED_ROLES: roleList.default((): Role[] => [...VICTIM_DATA_ROLES, 'administrator']),
  KINGA_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(12),
  KINGA_LOGIN_MAX_FAILURES: positiveInt(5),
  KINGA_LOGIN_WINDOW_MINUTES: positiveInt(15),
  KINGA_COUNTRY: z.enum(['KE']).default('KE'),
  KINGA_BODY_LIMIT_BYTES: positiveInt(1_048_576),
  KINGA_CASE_SCOPE: z.enum(['agency', 'assigned']).default('agency'),
  KINGA_REFERRAL_RESPONSE_HOURS: positiveInt(72),
  DATABASE_POOL_SIZE: positiveInt(10),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: 'auto' | 'on' | 'off';
  demoPassword: string;
  masterKey: string | undefined;
  publicUrl: string | undefined;
  /** Fastify's trustProxy: false, true (every hop), a hop count, or trusted addresses/CIDRs. */
  trustProxy: boolean | number | string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  mfaRequiredRoles: readonly Role[];
  passwordMinLength: number;
  loginMaxFailures: number;
  loginWindowMs: number;
  country: string;
  bodyLimit: number;
  /** What a case worker sees: every case of the agency, or only the cases assigned to them. */
  caseScope: 'agency' | 'assigned';
  /** How long a receiving agency has to answer a referral before it is flagged overdue. */
  referralResponseMs: number;
  poolSize: number;
  statementTimeoutMs: number;
  logLevel: string;
}

export class ConfigError extends Error {}

/** Parses the environment once; a wrong value stops start-up with a message naming the variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.KINGA_DEMO,
    demoPassword: e.KINGA_DEMO_PASSWORD,
    masterKey: e.KINGA_MASTER_KEY,
    publicUrl: e.KINGA_PUBLIC_URL,
    trustProxy: e.KINGA_TRUST_PROXY,
    sessionIdleMs: e.KINGA_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.KINGA_SESSION_ABSOLUTE_HOURS * 3_600_000,
    mfaRequiredRoles: e.KINGA_MFA_REQUIRED_ROLES,
    passwordMinLength: e.KINGA_PASSWORD_MIN_LENGTH,
    loginMaxFailures: e.KINGA_LOGIN_MAX_FAILURES,
    loginWindowMs: e.KINGA_LOGIN_WINDOW_MINUTES * 60_000,
    country: e.KINGA_COUNTRY,
    bodyLimit: e.KINGA_BODY_LIMIT_BYTES,
    caseScope: e.KINGA_CASE_SCOPE,
    referralResponseMs: e.KINGA_REFERRAL_RESPONSE_HOURS * 3_600_000,
    poolSize: e.DATABASE_POOL_SIZE,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  };
}
