import type { CommentThreadDto, PlanDto, PlanElementDto, PlanVersionDto } from '@kinga/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId, nowIso } from '../../db/ids.ts';
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
} from '../../../test/harness.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

/**
 * The shared no-5xx test calls every route as the administrator, whom the route gate refuses
 * before a plan write reads its body. Here the secretariat and a task-force member, who reach
 * the services, send random input to every plan route, with real ids among the candidates.
 */
describeIntegration('plans: no input causes a 5xx', () => {
  let t: TestApp;
  let secretariat: Session;
  let member: Session;
  let routes: { method: Method; path: string }[];
  let planId: string;
  let keys: string[];
  let threadId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, member] = await Promise.all([signIn(t.app, DEMO.secretariat), signIn(t.app, DEMO.focal)]);
    await t.ctx.db
      .insertInto('coordination_memberships')
      .values({
        id: newId(),
        body: 'task_force',
        agency_id: member.user.agencyId,
        role: 'member',
        since: null,
        created_at: nowIso(),
      })
      .execute();
    const plan = json<PlanDto>(
      await send(t.app, secretariat, 'POST', '/api/v1/plans', {
        body: { title: 'Fuzzed plan', periodStart: 2026, periodEnd: 2030 },
      }),
    );
    planId = plan.id;
    const version = json<PlanVersionDto>(await send(t.app, secretariat, 'GET', `/api/v1/plans/${planId}/versions/1`));
    const pillar = version.elements[0]?.key ?? '';
    const objective = json<PlanElementDto>(
      await send(t.app, secretariat, 'POST', `/api/v1/plans/${planId}/versions/1/elements`, {
        body: { kind: 'objective', parentKey: pillar, title: 'Objective' },
      }),
    );
    keys = [...version.elements.map((e) => e.key), objective.key];
    threadId = json<CommentThreadDto>(
      await send(t.app, member, 'POST', `/api/v1/plans/${planId}/versions/1/comments`, {
        body: { elementKey: objective.key, body: 'A remark' },
      }),
    ).id;
    const meetingId = newId();
    decisionId = newId();
    await t.ctx.db
      .insertInto('meetings')
      .values({
        id: meetingId,
        kind: 'committee_meeting',
        title: 'Committee',
        status: 'held',
        starts_at: nowIso(),
        ends_at: null,
        place: null,
        link: null,
        agenda: null,
        minutes: null,
        plan_id: planId,
        created_by: secretariat.user.id,
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    await t.ctx.db
      .insertInto('meeting_decisions')
      .values({
        id: decisionId,
        meeting_id: meetingId,
        number: 1,
        text: 'Adopted',
        created_by: secretariat.user.id,
        created_at: nowIso(),
      })
      .execute();
    const doc = json<OpenApi>(await send(t.app, null, 'GET', '/api/openapi.json'));
    routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/plans'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })));
  });
  afterAll(() => t?.close());

  const text = () =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("' or 1=1 --", '../../etc/passwd', '%00', '9'.repeat(30), '-1', '0', '1e309', 'NaN'),
    );
  // Real ids are only known once beforeAll ran, so they are drawn lazily.
  const param = (values: () => string[]) =>
    fc.oneof(
      fc.constant(null).chain(() => fc.constantFrom(...values())),
      text(),
    );
  const query = fc.dictionary(
    fc.constantFrom('limit', 'cursor', 'from', 'to', 'elementKey', 'state'),
    fc.oneof(text(), fc.integer({ min: -2, max: 4 }).map(String), fc.constantFrom('open', 'all', 'resolved')),
  );
  const elementLike = fc.record(
    {
      kind: fc.constantFrom('pillar', 'objective', 'activity', 'indicator', 'other'),
      parentKey: fc.oneof(
        fc.constant(null),
        fc.constant(null).map(() => keys[keys.length - 1] ?? null),
        fc.uuid(),
      ),
      title: fc.string({ maxLength: 20 }),
      leadAgencyId: fc.oneof(fc.constant(null), fc.uuid()),
      countyCodes: fc.array(fc.integer({ min: -5, max: 60 }), { maxLength: 3 }),
      startDate: fc.constantFrom('2026-01-01', '2040-01-01', 'x', null),
      unit: fc.string({ maxLength: 5 }),
      targets: fc.array(fc.record({ year: fc.integer({ min: 1990, max: 2110 }), value: fc.double() }), {
        maxLength: 3,
      }),
      baselineYear: fc.oneof(fc.constant(null), fc.integer({ min: 1990, max: 2110 })),
    },
    { requiredKeys: ['kind', 'title'] },
  );
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.object({ maxDepth: 2 }),
    elementLike,
    elementLike.map((fields) => ({ fields, position: 1 })),
    fc.record({
      decisionId: fc.oneof(
        fc.constant(null),
        fc.constant(null).map(() => decisionId),
        fc.uuid(),
      ),
      note: fc.string({ maxLength: 10 }),
    }),
    fc.record({ from: fc.integer({ min: -1, max: 5 }) }),
    fc.record({
      elementKey: fc.oneof(fc.constant(null), fc.uuid()),
      threadId: fc.oneof(
        fc.constant(null),
        fc.constant(null).map(() => threadId),
        fc.uuid(),
      ),
      body: fc.string({ maxLength: 20 }),
    }),
  );

  it('random params, queries and JSON bodies on every plan route answer below 500', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(17);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constant(null).map(() => planId),
            text(),
          ),
          fc.oneof(fc.integer({ min: 0, max: 4 }).map(String), text()),
          param(() => keys),
          param(() => [threadId]),
          query,
          body,
          fc.boolean(),
          async (id, number, key, thread, q, b, asMember) => {
            const url = route.path
              .replace('{id}', encodeURIComponent(id))
              .replace('{number}', encodeURIComponent(number))
              .replace('{key}', encodeURIComponent(key))
              .replace('{threadId}', encodeURIComponent(thread));
            const res = await send(t.app, asMember ? member : secretariat, route.method, url, {
              query: q,
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: b }),
            });
            expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBeLessThan(500);
          },
        ),
        { numRuns: 40 },
      );
    }
  }, 180_000);
});
