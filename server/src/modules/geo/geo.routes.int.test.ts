import fs from 'node:fs';
import type { CountyBoundariesDto } from '@kinga/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedData } from '../../../test/shared-data.ts';
import {
  auditOfResponse,
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  send,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

/** The Kenya county boundaries the project keeps outside the repository (MIT, see its LICENSE file). */
const KENYA_FILE = sharedData('geo', 'kenya_counties.geojson');
const haveFile = fs.existsSync(KENYA_FILE);

interface RawCollection {
  type: string;
  features: { type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

describeIntegration('county boundaries', () => {
  let t: TestApp;
  let admin: Session;
  let secretariat: Session;
  let worker: Session;
  let kenya: RawCollection;
  const as = (s: Session | null) => client(t.app, s);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [admin, secretariat, worker] = await Promise.all([
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.caseworkerA),
    ]);
    if (haveFile) kenya = JSON.parse(fs.readFileSync(KENYA_FILE, 'utf8')) as RawCollection;
  });
  afterAll(() => t?.close());

  it('before any upload: 404 no_boundaries; anonymous callers 401 on both routes', async () => {
    expectProblem(await as(worker).get('/api/v1/geo/counties'), 404, 'no_boundaries');
    expectProblem(await as(null).get('/api/v1/geo/counties'), 401, 'unauthenticated');
    expectProblem(await as(null).put('/api/v1/geo/counties', {}), 401, 'unauthenticated');
  });

  it('only administrators upload: others 403, denied', async () => {
    for (const who of [secretariat, worker]) {
      const res = await as(who).put('/api/v1/geo/counties', { type: 'FeatureCollection', features: [] });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, who, { action: 'access.agency:manage' });
    }
  });

  it.skipIf(!haveFile)(
    'a file that misses counties or has strangers is refused with the details, and nothing is stored',
    async () => {
      const features: RawCollection['features'] = kenya.features
        .filter((f) => f.properties.code !== 47 && f.properties.name !== 'Mombasa')
        .map((f) => ({ ...f, properties: { name: f.properties.name } }));
      features.push({ ...kenya.features[0]!, properties: { name: 'Kampala', code: 102 } });
      const res = await as(admin).put('/api/v1/geo/counties', { type: 'FeatureCollection', features });
      const problem = expectProblem(res, 400, 'invalid_boundaries');
      expect(problem.issues?.filter((i) => i.code === 'unmatched_feature')).toEqual([
        expect.objectContaining({
          path: `body.features.${features.length - 1}.properties`,
          message: expect.stringContaining('Kampala') as unknown as string,
        }),
      ]);
      expect(problem.issues?.filter((i) => i.code === 'missing_county').map((i) => i.message)).toEqual([
        'No feature for Mombasa (1)',
        'No feature for Nairobi (47)',
      ]);
      expect(await auditOfResponse(t.ctx, res)).toEqual([]);
      expectProblem(await as(worker).get('/api/v1/geo/counties'), 404, 'no_boundaries');

      const points = await as(admin).put('/api/v1/geo/counties', {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 1 }, geometry: { type: 'Point', coordinates: [39.6, -4.0] } },
        ],
      });
      expectProblem(points, 400, 'validation_failed');
      expectProblem(await as(admin).put('/api/v1/geo/counties', { type: 'Topology' }), 400, 'validation_failed');
      expectProblem(await as(worker).get('/api/v1/geo/counties'), 404, 'no_boundaries');
    },
  );

  it.skipIf(!haveFile)(
    'the Kenya file: 47 counties matched, stored reduced and rounded, read by every signed-in user; audited',
    async () => {
      const res = await as(admin).put('/api/v1/geo/counties', kenya);
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
      expect(json(res)).toEqual({ matched: 47, missing: [], unmatched: [] });
      await expectAudit(t.ctx, res, {
        action: 'geo.counties.update',
        actorId: admin.user.id,
        entityType: 'county_boundaries',
      });

      const read = await as(worker).get('/api/v1/geo/counties');
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toMatch(/^application\/json/);
      const stored = json<CountyBoundariesDto>(read);
      expect(stored.type).toBe('FeatureCollection');
      expect(stored.features).toHaveLength(47);
      expect(stored.features.map((f) => f.properties.code)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
      expect(stored.features.find((f) => f.properties.code === 21)?.properties).toEqual({ code: 21, name: "Murang'a" });
      expect(read.body).not.toContain('capital');
      const decimals = (read.body.match(/\d+\.\d+/g) ?? []).map((n) => n.split('.')[1]?.length ?? 0);
      expect(Math.max(...decimals)).toBeLessThanOrEqual(4);
      expect(read.body.length).toBeLessThan(fs.statSync(KENYA_FILE).size);
    },
  );

  it.skipIf(!haveFile)('accepts files above the general body limit up to 5 MB; refuses larger with 413', async () => {
    const padded = {
      ...kenya,
      features: kenya.features.map((f) => ({ ...f, properties: { ...f.properties, notes: 'x'.repeat(40_000) } })),
    };
    const payload = JSON.stringify(padded);
    expect(payload.length).toBeGreaterThan(t.ctx.config.bodyLimit);
    const ok = await send(t.app, admin, 'PUT', '/api/v1/geo/counties', {
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    const huge = JSON.stringify({
      ...kenya,
      features: kenya.features.map((f) => ({ ...f, properties: { ...f.properties, notes: 'x'.repeat(120_000) } })),
    });
    expectProblem(
      await send(t.app, admin, 'PUT', '/api/v1/geo/counties', {
        payload: huge,
        headers: { 'content-type': 'application/json' },
      }),
      413,
    );
  });
});
