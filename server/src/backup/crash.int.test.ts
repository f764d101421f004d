import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, TEST_ENGINE, describeIntegration } from '../../test/harness.ts';
import { childEnv, runCli } from '../../test/cli.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../test/crash/scratch-database.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { openDatabase, openSqlite, type DatabaseHandle } from '../db/database.ts';
import { REPO_ROOT } from '../server.ts';

/**
 * "A write acknowledged must never be lost": the real server is SIGKILLed at a random moment
 * while several agency creations are in flight, and every creation that was answered 2xx
 * must be there after the restart, with its audit row and an intact chain.
 */

const ROUNDS = 10;
const CONCURRENCY = 8;

interface Acknowledged {
  name: string;
  id: string;
}

describeIntegration('crash safety of acknowledged writes', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE);
  });
  afterAll(() => db?.drop());

  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs mid-stream`, async () => {
    const acknowledged: Acknowledged[] = [];
    let unanswered = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const server = await startServer(db);
      const session = await signIn(server.baseUrl);
      const killAfterMs = 100 + Math.floor(Math.random() * 500);
      const result = await writeUntilKilled(server, session, round, killAfterMs);
      acknowledged.push(...result.acknowledged);
      unanswered += result.unanswered;
      expect(result.refused, `round ${round}: writes answered with an error`).toEqual([]);
      await checkCrashState(db, acknowledged, `round ${round}`);
    }
    // Enough writes were acknowledged, and enough were cut off, for the test to mean something.
    console.log(
      `[crash ${TEST_ENGINE}] ${ROUNDS} SIGKILLs: ${acknowledged.length} writes acknowledged and kept, ${unanswered} cut off in flight`,
    );
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 5);
    expect(unanswered).toBeGreaterThan(0);

    // The restarted server itself answers every acknowledged agency.
    const server = await startServer(db);
    const session = await signIn(server.baseUrl);
    const listed = await listAgencyNames(server.baseUrl, session);
    expect(acknowledged.filter((a) => !listed.has(a.name))).toEqual([]);
    await stopServer(server);

    const cli = await runCli(db, ['audit', 'verify']);
    expect(cli, cli.stderr).toMatchObject({ code: 0 });
    expect(cli.stdout).toMatch(/^OK: audit chain intact/);
  }, 120_000);
});

interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<void>;
}

interface SignedIn {
  cookie: string;
  csrfToken: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startServer(db: ScratchDatabase): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: childEnv(db, { PORT: String(port), HOST: '127.0.0.1', KINGA_DEMO: 'on' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited at start-up:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health:\n${output}`);
    }
    await sleep(25);
  }
  return { child, baseUrl, output: () => output, exited };
}

async function stopServer(server: RunningServer): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

async function signIn(baseUrl: string): Promise<SignedIn> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('kinga_session='));
  const body = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie, csrfToken: body.csrfToken };
}

/** Streams agency creations from several workers and SIGKILLs the server after `killAfterMs`. */
async function writeUntilKilled(server: RunningServer, session: SignedIn, round: number, killAfterMs: number) {
  const acknowledged: Acknowledged[] = [];
  const refused: string[] = [];
  let unanswered = 0;
  const worker = async (w: number) => {
    for (let i = 0; ; i += 1) {
      const name = `Crash ${round}-${w}-${i} ${randomBytes(3).toString('hex')}`;
      let res: Response;
      try {
        res = await fetch(`${server.baseUrl}/api/v1/agencies`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ name, type: 'NGO', countyCode: 47 }),
        });
      } catch {
        // The server died with this request in flight: it may or may not have committed.
        unanswered += 1;
        return;
      }
      let body: { id?: string } = {};
      try {
        body = (await res.json()) as { id?: string };
      } catch {
        unanswered += 1;
        return;
      }
      if (res.status >= 200 && res.status < 300 && body.id) acknowledged.push({ name, id: body.id });
      else refused.push(`${res.status} ${JSON.stringify(body)}`);
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
  await sleep(killAfterMs);
  server.child.kill('SIGKILL');
  await Promise.all([...workers, server.exited]);
  return { acknowledged, refused, unanswered };
}

/**
 * Looks at the database exactly as the crash left it. SQLite is checked on a copy of the
 * database and its write-ahead log, so the next start recovers the untouched original.
 */
async function checkCrashState(db: ScratchDatabase, acknowledged: Acknowledged[], label: string): Promise<void> {
  let handle: DatabaseHandle;
  let copyDir: string | undefined;
  if (db.engine === 'sqlite') {
    copyDir = fs.mkdtempSync(path.join(db.dataDir, 'crash-copy-'));
    for (const suffix of ['', '-wal']) {
      const source = path.join(db.dataDir, `kinga.db${suffix}`);
      if (fs.existsSync(source)) fs.copyFileSync(source, path.join(copyDir, `kinga.db${suffix}`));
    }
    const file = path.join(copyDir, 'kinga.db');
    const raw = new SQLite(file);
    expect(raw.pragma('integrity_check', { simple: true }), `${label}: integrity_check`).toBe('ok');
    raw.close();
    handle = openSqlite(file);
  } else {
    handle = openDatabase({ databaseUrl: db.env.DATABASE_URL, dataDir: db.dataDir, poolSize: 1 });
  }
  try {
    const rows = await handle.db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('name', 'like', 'Crash %')
      .execute();
    const stored = new Map(rows.map((r) => [r.name, r.id]));
    const lost = acknowledged.filter((a) => stored.get(a.name) !== a.id);
    expect(lost, `${label}: acknowledged writes lost`).toEqual([]);
    // Each stored agency committed together with its audit row.
    const audited = await handle.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'agency.create')
      .execute();
    const auditedIds = new Set(audited.map((r) => r.entity_id));
    expect(
      rows.filter((r) => !auditedIds.has(r.id)),
      `${label}: agencies without their audit row`,
    ).toEqual([]);
    expect(audited.length, `${label}: audit rows without their agency`).toBe(rows.length);
    const chain = await verifyAuditChain(handle.db);
    expect(chain, `${label}: audit chain`).toMatchObject({ ok: true });
  } finally {
    await handle.close();
    if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
  }
}

async function listAgencyNames(baseUrl: string, session: SignedIn): Promise<Set<string>> {
  const names = new Set<string>();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200', q: 'crash' });
    if (cursor) query.set('cursor', cursor);
    const res = await fetch(`${baseUrl}/api/v1/agencies?${query.toString()}`, { headers: { cookie: session.cookie } });
    if (res.status !== 200) throw new Error(`listing agencies failed: ${res.status}`);
    const page = (await res.json()) as { items: { name: string }[]; nextCursor: string | null };
    for (const item of page.items) names.add(item.name);
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
