import type { AttachmentDto, ScreeningDto, ServiceDto } from '@kinga/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerCase } from '../../../test/case-factories.ts';
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
import { SAMPLE_FILES } from './case-records.fixtures.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

const OWN_PATHS = /^\/api\/v1\/cases\/\{code\}\/(screenings|services|notes|attachments)/;

/**
 * The shared no-5xx test calls every route as the administrator, whom the route gate refuses
 * before a body is read. Here a case worker and a supervisor of the owning agency, who reach
 * the services, send random input to every route of this module.
 */
describeIntegration('case records: no input causes a 5xx', () => {
  let t: TestApp;
  let worker: Session;
  let supervisor: Session;
  let routes: { method: Method; path: string }[];
  let code: string;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [worker, supervisor] = await Promise.all([signIn(t.app, DEMO.caseworkerA), signIn(t.app, DEMO.supervisorA)]);
    code = (await registerCase(t.app, worker)).code;
    const base = `/api/v1/cases/${code}`;
    const screening = json<ScreeningDto>(
      await send(t.app, worker, 'POST', `${base}/screenings`, {
        body: { acts: [], means: [], purposes: [], iloIndicators: [], ageAtExploitation: null },
      }),
    );
    const service = json<ServiceDto>(
      await send(t.app, worker, 'POST', `${base}/services`, {
        body: { type: 'Medical', providerAgencyId: null, startDate: null, endDate: null, status: 'planned' },
      }),
    );
    const attachment = json<AttachmentDto>(
      await send(t.app, worker, 'POST', `${base}/attachments`, {
        payload: SAMPLE_FILES.png,
        headers: { 'content-type': 'image/png', 'x-file-name': 'photo.png' },
      }),
    );
    ids = [screening.id, service.id, attachment.id];
    const doc = json<OpenApi>(await send(t.app, null, 'GET', '/api/openapi.json'));
    routes = Object.entries(doc.paths)
      .filter(([path]) => OWN_PATHS.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })));
  });
  afterAll(() => t?.close());

  const param = () =>
    fc.oneof(
      fc.constantFrom(code, ...ids, 'KE-2026-999999', '0190a0b1-0000-7000-8000-000000000001'),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("' or 1=1 --", '../../etc/passwd', '%00', '9'.repeat(30)),
    );
  const query = fc.dictionary(
    fc.constantFrom('limit', 'cursor', 'sort', 'order', 'status'),
    fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('-1', '1e309', 'NaN', '')),
  );
  const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }));

  it('random params, queries and JSON bodies answer below 500', async () => {
    expect(routes).toHaveLength(11);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(param(), param(), query, body, fc.boolean(), async (code, id, q, b, asSupervisor) => {
          const url = route.path.replace('{code}', encodeURIComponent(code)).replace('{id}', encodeURIComponent(id));
          const res = await send(t.app, asSupervisor ? supervisor : worker, route.method, url, {
            query: q,
            ...(route.method === 'GET' ? {} : { body: b }),
          });
          expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  }, 120_000);

  it('random raw uploads, declared types and file names answer below 500', async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/octet-stream',
        'application/pdf',
        'image/png',
        'application/json',
        'text/plain; charset=utf-8',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        '*/*',
        '',
      ),
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
    );
    const fileName = fc.oneof(
      fc.string({ maxLength: 250 }).map(encodeURIComponent),
      fc.stringMatching(/^[\x20-\x7e]{0,60}$/),
    );
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom(...Object.values(SAMPLE_FILES)),
      fc
        .tuple(fc.constantFrom(SAMPLE_FILES.png, SAMPLE_FILES.pdf), fc.uint8Array({ maxLength: 512 }))
        .map(([head, tail]) => Buffer.concat([head.subarray(0, 16), tail])),
    );
    await fc.assert(
      fc.asyncProperty(content, contentType, fileName, async (payload, type, name) => {
        const res = await send(t.app, worker, 'POST', `/api/v1/cases/${code}/attachments`, {
          payload,
          headers: { 'content-type': type, 'x-file-name': name },
        });
        expect(res.statusCode, `${type} ${name} → ${res.body}`).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^application\/(problem\+)?json/);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
