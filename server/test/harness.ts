import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Problem, SessionDto, SessionUserDto } from '@kinga/shared';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, inject } from 'vitest';
import type { AuditEntry } from '../src/audit/audit.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import type { Engine } from '../src/db/database.ts';
import type { AuditEventTable } from '../src/db/schema.ts';
import { SESSION_COOKIE, type App } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { createContext, createHttpServer } from '../src/server.ts';
import { databaseUrl, quoteIdent, withAdmin } from './postgres.ts';

export { seedDemo };

/** The engine of the running project (`int-sqlite` or `int-postgres`). */
export const TEST_ENGINE: Engine = process.env.KINGA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** Password of every demo account (CONTRACT.md). */
export const DEMO_PASSWORD = 'kinga-demo-2026';

/** The demo accounts of the contract, by the name tests use for them. */
export const DEMO = {
  admin: 'admin@demo.kinga.test',
  secretariat: 'secretariat@demo.kinga.test',
  focal: 'focal@demo.kinga.test',
  caseworkerA: 'caseworker.a@demo.kinga.test',
  supervisorA: 'supervisor.a@demo.kinga.test',
  caseworkerB: 'caseworker.b@demo.kinga.test',
  police: 'police@demo.kinga.test',
  analyst: 'analyst@demo.kinga.test',
  hotline: 'hotline@demo.kinga.test',
} as const;

function postgresServer() {
  return TEST_ENGINE === 'postgres' ? inject('kingaPostgres') : null;
}

/** False when the project's database is not there (int-postgres without PostgreSQL, outside CI). */
export const databaseAvailable = TEST_ENGINE === 'sqlite' || postgresServer() !== null;

/**
 * `describe` for integration tests: skipped when the engine of the project is not available
 * (the int-postgres global set-up decides; in CI a missing PostgreSQL fails the run instead).
 */
export const describeIntegration = (name: string, fn: () => void) =>
  describe.skipIf(!databaseAvailable)(`${name} [${TEST_ENGINE}]`, fn);

export interface TestApp {
  app: App;
  ctx: AppContext;
  /** Every log line written so far, when created with `captureLogs` (else empty). */
  logs(): string;
  /** Closes the app and throws its database away. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment, e.g. `{ KINGA_LOGIN_MAX_FAILURES: '3' }`. */
  env?: Record<string, string>;
  /** Load the contract's demo agencies and accounts. */
  seed?: 'demo';
  /** Log at every level into memory (see `TestApp.logs`) instead of discarding logs. */
  captureLogs?: boolean;
}

/** A fresh database of the project's engine and the HTTP app over it (no web app), configured as in production. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-test-'));
  let dropDatabase = async () => {};
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    KINGA_DEMO: 'off',
    DATA_DIR: dataDir,
    KINGA_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '4',
    ...options.env,
  };
  if (TEST_ENGINE === 'postgres') {
    const server = postgresServer();
    if (!server) throw new Error('PostgreSQL is not available to this run; wrap the tests in describeIntegration()');
    const name = `${server.prefix}${randomBytes(4).toString('hex')}`;
    await withAdmin(server.adminUrl, (c) =>
      c.query(`create database ${quoteIdent(name)} template ${quoteIdent(server.template)}`),
    );
    env.DATABASE_URL = databaseUrl(server.adminUrl, name);
    dropDatabase = async () => {
      await withAdmin(server.adminUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    };
  }
  const config = loadConfig(env);
  const logLines: string[] = [];
  const logger = options.captureLogs
    ? createLogger('trace', { write: (line: string) => void logLines.push(line) })
    : createLogger(config.logLevel);
  const ctx = await createContext(config, logger);
  const app = await createHttpServer(ctx);
  if (options.seed === 'demo') await seedDemo(ctx);
  await app.ready();
  return {
    app,
    ctx,
    logs: () => logLines.join(''),
    close: async () => {
      await app.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- requests ---------------------------------------------------------------------------

/** A signed-in browser: its session cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  user: SessionUserDto;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Raw payload with its own content type, for malformed or huge bodies. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Leave out the X-CSRF-Token header although a session is used. */
  withoutCsrf?: boolean;
  /** The client address; throttles count per address, so tests that fail sign-ins use their own. */
  remoteAddress?: string;
}

/** One request to the app, as the web app would send it: session cookie and X-CSRF-Token when a session is given. */
export function send(
  app: App,
  session: Session | null,
  method: Method,
  url: string,
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (session) {
    headers.cookie = session.cookie;
    if (!options.withoutCsrf) headers['x-csrf-token'] = session.csrfToken;
  }
  const request: InjectOptions = { method, url, headers };
  if (options.query) request.query = options.query;
  if (options.remoteAddress) request.remoteAddress = options.remoteAddress;
  if (options.payload !== undefined) request.payload = options.payload;
  else if (options.body !== undefined) request.payload = options.body as InjectOptions['payload'];
  return app.inject(request);
}

/** Shorthand for requests of one caller (null: anonymous). */
export function client(app: App, session: Session | null) {
  return {
    get: (url: string, options?: RequestOptions) => send(app, session, 'GET', url, options),
    post: (url: string, body?: unknown, options?: RequestOptions) =>
      send(app, session, 'POST', url, { ...options, body }),
    patch: (url: string, body?: unknown, options?: RequestOptions) =>
      send(app, session, 'PATCH', url, { ...options, body }),
    put: (url: string, body?: unknown, options?: RequestOptions) =>
      send(app, session, 'PUT', url, { ...options, body }),
  };
}

/** The cookie pair `kinga_session=…` from a response's Set-Cookie. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie && cookie.value ? `${SESSION_COOKIE}=${cookie.value}` : undefined;
}

/** Signs in through the API; fails the test with the problem when sign-in is refused. */
export async function signIn(
  app: App,
  email: string,
  password = DEMO_PASSWORD,
  totp?: string,
  remoteAddress?: string,
): Promise<Session> {
  const response = await send(app, null, 'POST', '/api/v1/auth/login', {
    body: { email, password, ...(totp ? { totp } : {}) },
    remoteAddress,
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error(`sign-in of ${email} set no session cookie`);
  const session = json<SessionDto>(response);
  return { cookie, csrfToken: session.csrfToken, user: session.user };
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** Asserts an RFC 9457 problem answer with the status (and code) and returns it. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string): Problem {
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = json<Problem>(response);
  expect(problem.status).toBe(status);
  if (code) expect(problem.code).toBe(code);
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  return problem;
}

/** The request id the app gave a response; audit rows carry it. */
export function requestIdOf(response: LightMyRequestResponse): string {
  const id = response.headers['x-request-id'];
  if (typeof id !== 'string') throw new Error('response carries no x-request-id');
  return id;
}

// ---- audit trail ----------------------------------------------------------------------------

export type AuditRow = AuditEventTable;
export type AuditFilter = Partial<
  Pick<AuditEntry, 'action' | 'outcome' | 'actorId' | 'entityType' | 'entityId' | 'requestId'>
>;

/** Audit rows matching every given field, oldest first. */
export async function auditRows(ctx: AppContext, filter: AuditFilter = {}): Promise<AuditRow[]> {
  await ctx.audit.drain();
  let q = ctx.db.selectFrom('audit_events').selectAll();
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.outcome !== undefined) q = q.where('outcome', '=', filter.outcome);
  if (filter.actorId !== undefined)
    q = filter.actorId === null ? q.where('actor_id', 'is', null) : q.where('actor_id', '=', filter.actorId);
  if (filter.entityType !== undefined)
    q =
      filter.entityType === null ? q.where('entity_type', 'is', null) : q.where('entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined)
    q = filter.entityId === null ? q.where('entity_id', 'is', null) : q.where('entity_id', '=', filter.entityId);
  if (filter.requestId !== undefined)
    q = filter.requestId === null ? q.where('request_id', 'is', null) : q.where('request_id', '=', filter.requestId);
  return q.orderBy('seq', 'asc').execute();
}

/** The newest audit row matching the filter, or undefined. */
export async function lastAudit(ctx: AppContext, filter: AuditFilter = {}): Promise<AuditRow | undefined> {
  const rows = await auditRows(ctx, filter);
  return rows[rows.length - 1];
}

/** The audit rows written while answering one response. */
export function auditOfResponse(ctx: AppContext, response: LightMyRequestResponse): Promise<AuditRow[]> {
  return auditRows(ctx, { requestId: requestIdOf(response) });
}

/** Asserts that answering the response wrote exactly one audit row, with the given fields, and returns it. */
export async function expectAudit(
  ctx: AppContext,
  response: LightMyRequestResponse,
  expected: AuditFilter,
): Promise<AuditRow> {
  const rows = await auditOfResponse(ctx, response);
  const wanted = {
    ...(expected.action !== undefined ? { action: expected.action } : {}),
    ...(expected.outcome !== undefined ? { outcome: expected.outcome } : {}),
    ...(expected.actorId !== undefined ? { actor_id: expected.actorId } : {}),
    ...(expected.entityType !== undefined ? { entity_type: expected.entityType } : {}),
    ...(expected.entityId !== undefined ? { entity_id: expected.entityId } : {}),
  };
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject(wanted);
  return rows[0] as AuditRow;
}

/** Asserts a refusal was audited as 'denied' for the caller. */
export function expectDenied(
  ctx: AppContext,
  response: LightMyRequestResponse,
  session: Session,
  extra: AuditFilter = {},
): Promise<AuditRow> {
  return expectAudit(ctx, response, { outcome: 'denied', actorId: session.user.id, ...extra });
}

/** How many rows a table holds: "nothing was written" checks. */
export async function countRows(
  ctx: AppContext,
  table: 'agencies' | 'users' | 'sessions' | 'audit_events' | 'password_tokens',
): Promise<number> {
  await ctx.audit.drain();
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- lookups ----------------------------------------------------------------------------

export async function userIdOf(ctx: AppContext, email: string): Promise<string> {
  const row = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

export async function agencyIdOf(ctx: AppContext, name: string): Promise<string> {
  const row = await ctx.db.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/** A fresh client address per call: sign-in throttles count failures per address. */
let addressCounter = 0;
export function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}
