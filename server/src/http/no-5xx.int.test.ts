import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DEMO,
  createTestApp,
  describeIntegration,
  json,
  send,
  signIn,
  type Method,
  type Session,
  type TestApp,
} from '../../test/harness.ts';
import { registerCase } from '../../test/case-factories.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

// Signing out would end the session the rest of the run uses; its inputs are covered elsewhere.
const SKIPPED = new Set(['POST /api/v1/auth/logout']);

/** Path parameters worth trying: a real-looking id, a malformed one, injection-shaped text. */
// A real case's code is filled in once the case exists (see beforeAll).
const realCode = { value: 'KE-2026-000001' };
const pathValue = fc.oneof(
  fc.uuid(),
  fc.constant(null).map(() => realCode.value),
  fc.constantFrom('KE-2026-000001', 'KE-9999-999999'),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("' or 1=1 --", '../../etc/passwd', '%00', '9'.repeat(30)),
);

/** Query strings and bodies of any shape, including wrong types and huge numbers. */
const queryValue = fc.dictionary(
  fc.constantFrom(
    'limit',
    'cursor',
    'sort',
    'order',
    'q',
    'type',
    'status',
    'role',
    'agencyId',
    'countyCode',
    'from',
    'to',
    'actorId',
    'format',
    'draft',
    'mine',
    'exploitationType',
    'traffickingStatus',
    'createdFrom',
    'createdTo',
    'followUpOverdue',
    'direction',
    'overdue',
    'caseCode',
  ),
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer().map(String),
    fc.constantFrom('-1', '1e309', 'NaN', '', 'asc', 'name'),
  ),
);
const bodyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }));

describeIntegration('no input causes a 5xx', () => {
  let t: TestApp;
  let admin: Session;
  let supervisor: Session;
  let routes: { method: Method; path: string }[];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    admin = await signIn(t.app, DEMO.admin);
    // The administrator has no case access: case routes are exercised by a case supervisor.
    supervisor = await signIn(t.app, DEMO.supervisorA);
    realCode.value = (await registerCase(t.app, supervisor)).code;
    const doc = json<OpenApi>(await send(t.app, null, 'GET', '/api/openapi.json'));
    routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })))
      .filter((r) => r.path.startsWith('/api/v1/') && !SKIPPED.has(`${r.method} ${r.path}`));
  });
  afterAll(() => t?.close());

  it('random params, queries and bodies on every /api/v1 route answer below 500', async () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(pathValue, queryValue, bodyValue, async (param, query, body) => {
          const url = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
          const caller =
            route.path.startsWith('/api/v1/cases') || route.path.startsWith('/api/v1/referrals') ? supervisor : admin;
          const res = await send(t.app, caller, route.method, url, {
            query,
            ...(route.method === 'GET' ? {} : { body }),
            remoteAddress: '203.0.113.250',
          });
          expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    }
  }, 300_000);
});
