import type { DecisionDto, MeetingDto, ActionItemDto } from '@kinga/shared';
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
} from '../../../test/harness.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

const OWN_PATHS = /^\/api\/v1\/(meetings|meeting-decisions|action-items|partners|geo)(\/|$)/;

/**
 * The shared no-5xx test calls these routes as the administrator, whom the gate refuses on
 * most of them. Here the secretariat, a focal point and (for the boundaries) the
 * administrator send random input with real and made-up ids to the meetings, partners and
 * geo routes.
 */
describeIntegration('meetings, partners and geo: no input causes a 5xx', () => {
  let t: TestApp;
  let callers: Session[];
  let routes: { method: Method; path: string }[];
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    const [secretariat, focal, admin] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.admin),
    ]);
    callers = [secretariat, focal, admin];
    const meeting = json<MeetingDto>(
      await send(t.app, secretariat, 'POST', '/api/v1/meetings', {
        body: { kind: 'committee_meeting', title: 'Fuzzed', startsAt: '2026-05-12T09:00:00Z' },
      }),
    );
    const decision = json<DecisionDto>(
      await send(t.app, secretariat, 'POST', `/api/v1/meetings/${meeting.id}/decisions`, { body: { text: 'Fuzz' } }),
    );
    const item = json<ActionItemDto>(
      await send(t.app, secretariat, 'POST', `/api/v1/meetings/${meeting.id}/action-items`, {
        body: { text: 'Fuzz', decisionId: decision.id, ownerAgencyId: focal.user.agencyId },
      }),
    );
    ids = [meeting.id, decision.id, item.id, focal.user.agencyId, secretariat.user.id];
    const doc = json<OpenApi>(await send(t.app, null, 'GET', '/api/openapi.json'));
    routes = Object.entries(doc.paths)
      .filter(([path]) => OWN_PATHS.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })));
  });
  afterAll(() => t?.close());

  const param = () =>
    fc.oneof(
      fc.constantFrom(...ids, '0190a0b1-0000-7000-8000-000000000001'),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("' or 1=1 --", '../../etc/passwd', '%00', '9'.repeat(30)),
    );
  const query = fc.dictionary(
    fc.constantFrom(
      'limit',
      'cursor',
      'order',
      'q',
      'kind',
      'status',
      'from',
      'to',
      'planId',
      'state',
      'ownerAgencyId',
      'mine',
      'body',
      'area',
      'countyCode',
    ),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer().map(String),
      fc.constantFrom('-1', '1e309', 'NaN', '', 'true', 'overdue', 'shelter', '47', '2026-02-30', 'desc'),
    ),
  );
  const decisionRef = fc.oneof(fc.constant(null), fc.constantFrom(...[0, 1, 2].map((i) => () => ids[i])));
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.object({ maxDepth: 2 }),
    fc.record(
      {
        text: fc.string({ maxLength: 20 }),
        status: fc.constantFrom('open', 'in_progress', 'done', 'cancelled', 'held', 'scheduled'),
        ownerAgencyId: fc.oneof(fc.constant(null), fc.uuid()),
        ownerUserId: fc.oneof(fc.constant(null), fc.uuid()),
        dueOn: fc.constantFrom('2026-01-01', '2026-02-30', null, ''),
        decisionId: decisionRef.map((f) => (typeof f === 'function' ? f() : f)),
        startsAt: fc.constantFrom('2026-05-12T09:00:00Z', '2026-05-12T09:00:00+03:00', 'yesterday'),
        endsAt: fc.constantFrom(null, '2020-01-01T00:00:00Z'),
        kind: fc.constantFrom('drafting_session', 'tea'),
        title: fc.string({ maxLength: 10 }),
        planId: fc.oneof(fc.constant(null), fc.uuid()),
      },
      { requiredKeys: [] },
    ),
    fc.record({
      mandate: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })),
      focalPersons: fc.array(
        fc.record({ name: fc.string({ maxLength: 10 }), email: fc.constantFrom('', 'a@b.ke', 'x') }),
      ),
      presence: fc.array(
        fc.record({
          area: fc.constantFrom('shelter', 'awareness', 'nope'),
          national: fc.boolean(),
          countyCodes: fc.array(fc.integer({ min: -5, max: 1000 }), { maxLength: 5 }),
        }),
        { maxLength: 3 },
      ),
      memberships: fc.option(
        fc.array(fc.record({ body: fc.constantFrom('task_force', 'club'), role: fc.constantFrom('chair', 'king') })),
        { nil: undefined },
      ),
    }),
    fc.record({
      type: fc.constantFrom('FeatureCollection', 'Feature'),
      features: fc.array(
        fc.record({
          type: fc.constant('Feature'),
          properties: fc.oneof(
            fc.constant(null),
            fc.record({ code: fc.oneof(fc.integer(), fc.string()), name: fc.string() }),
          ),
          geometry: fc.record({
            type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point'),
            coordinates: fc.jsonValue({ maxDepth: 4 }),
          }),
        }),
        { maxLength: 4 },
      ),
    }),
  );

  it('random params, queries and JSON bodies answer below 500', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(param(), param(), query, body, fc.nat(callers.length - 1), async (id, second, q, b, who) => {
          const url = route.path
            .replace(/\{(id|agencyId)\}/, encodeURIComponent(id))
            .replace('{decisionId}', encodeURIComponent(second));
          const res = await send(t.app, callers[who] ?? null, route.method, url, {
            query: q,
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: b }),
          });
          expect(res.statusCode, `${route.method} ${url} → ${res.body.slice(0, 500)}`).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    }
  }, 180_000);
});
