import type { EvidenceDto } from '@kinga/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  agencyIdOf,
  createTestApp,
  DEMO,
  describeIntegration,
  json,
  send,
  signIn,
  type Method,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { insertPlan, type InsertedPlan } from '../../../test/plan-factories.ts';
import { SAMPLE_FILES } from '../case-records/case-records.fixtures.ts';
import { LAST_YEAR, monitoredPlanSpec } from './plan-monitoring.fixtures.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

const OWN_PATHS = /^\/api\/v1\/(plans\/\{id\}\/(periods|indicators|dashboard)|indicator-sources)/;
// The period's progress document belongs to the plan-documents module.
const OTHER_PATHS = /\/document$/;

/**
 * The shared no-5xx test calls every route as the administrator, whom the route gate refuses
 * before most of this module's services run. Here the secretariat and a focal point, who reach
 * them, send random parameters, queries and bodies to every monitoring route, with real ids
 * of a plan in force mixed in so that the checks behind the first 404 are reached too.
 */
describeIntegration('plan monitoring: no input causes a 5xx', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let plan: InsertedPlan;
  let draftPlan: InsertedPlan;
  let ids: string[];
  /** Real values of each path parameter, by its name. */
  let known: Record<string, string[]>;
  let routes: { method: Method; path: string }[];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal] = await Promise.all([signIn(t.app, DEMO.secretariat), signIn(t.app, DEMO.focal)]);
    const agencies = {
      labour: focal.user.agencyId,
      police: await agencyIdOf(t.ctx, 'Anti-Human Trafficking Police Unit (demo)'),
      tumaini: await agencyIdOf(t.ctx, 'Tumaini Safe House'),
    };
    plan = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
    draftPlan = await insertPlan(t.ctx, monitoredPlanSpec(agencies, { versionStatus: 'draft' }));
    const period = plan.period(`${LAST_YEAR}-Q1`);
    const evidence = json<EvidenceDto>(
      await send(
        t.app,
        focal,
        'POST',
        `/api/v1/plans/${plan.id}/periods/${period.id}/reports/${agencies.labour}/evidence`,
        { payload: SAMPLE_FILES.png, headers: { 'content-type': 'image/png', 'x-file-name': 'photo.png' } },
      ),
    );
    known = {
      id: [plan.id, draftPlan.id],
      periodId: [period.id, plan.period(`${LAST_YEAR}-Q2`).id, plan.period(`${LAST_YEAR + 2}-Q4`).id],
      agencyId: [agencies.labour, agencies.police],
      evidenceId: [evidence.id],
      indicatorKey: Object.values(plan.keys),
    };
    ids = Object.values(known).flat();
    const doc = json<OpenApi>(await send(t.app, null, 'GET', '/api/openapi.json'));
    routes = Object.entries(doc.paths)
      .filter(([path]) => OWN_PATHS.test(path) && !OTHER_PATHS.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })));
  });
  afterAll(() => t?.close());

  /** A value for a path parameter: mostly a real one of its kind, sometimes anything. */
  const param = (name: string) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...(known[name] ?? ids)) },
      { weight: 1, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom("' or 1=1 --", '../../etc/passwd', '%00', '9'.repeat(30)) },
    );
  const query = () =>
    fc.dictionary(
      fc.constantFrom('periodId', 'activityKey', 'limit', 'cursor'),
      fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e309', 'NaN', '')),
    );
  const entry = () =>
    fc.record({
      activityKey: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 10 })),
      status: fc.constantFrom('on_track', 'delayed', 'completed', 'unknown'),
      narrative: fc.oneof(fc.constant(null), fc.string({ maxLength: 50 })),
    });
  const body = () =>
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.object({ maxDepth: 2 }),
      fc.record({ entries: fc.array(entry(), { maxLength: 4 }) }),
      fc.record({
        value: fc.oneof(fc.double(), fc.integer()),
        disaggregation: fc.dictionary(
          fc.constantFrom('sex', 'age_group', 'county', 'other'),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double(), fc.nat())),
        ),
        note: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })),
      }),
      fc.record({ comment: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })) }),
    );

  it('random params, queries and bodies answer below 500', async () => {
    expect(routes).toHaveLength(14);
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      for (const caller of [secretariat, focal]) {
        await fc.assert(
          fc.asyncProperty(fc.tuple(...names.map(param)), query(), body(), async (values, q, b) => {
            let i = 0;
            const url = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++] ?? ''));
            const res = await send(t.app, caller, route.method, url, {
              query: q,
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: b }),
            });
            expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBeLessThan(500);
          }),
          { numRuns: 40 },
        );
      }
    }
  }, 180_000);
});
