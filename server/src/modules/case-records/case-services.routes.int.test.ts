import type { ServiceDto } from '@kinga/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCase } from '../../../test/case-factories.ts';
import {
  agencyIdOf,
  auditOfResponse,
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { caseIdOf, shareCase } from './case-records.fixtures.ts';

type Page = { items: ServiceDto[]; nextCursor: string | null };

describeIntegration('support plan (case services)', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let agencyA: string;
  let agencyB: string;
  let code: string;
  let caseId: string;

  const details = 'Safe house bed at Nyali for 3 months; weekly counselling with Mama Zawadi';
  const shelter = () => ({
    type: 'Shelter',
    providerAgencyId: agencyA,
    startDate: '2026-02-01',
    endDate: '2026-05-01',
    status: 'in_progress',
    details,
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
    ]);
    agencyA = workerA.user.agencyId;
    agencyB = await agencyIdOf(t.ctx, "Children's Services Office, Kisumu");
    code = (await registerCase(t.app, workerA)).code;
    caseId = await caseIdOf(t.ctx, code);
  });
  afterAll(() => t?.close());

  const url = (c = code) => `/api/v1/cases/${c}/services`;

  async function serviceRows(): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('case_services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function expectNoWrite(res: LightMyRequestResponse) {
    const audit = await auditOfResponse(t.ctx, res);
    expect(audit.filter((a) => a.outcome === 'success' && a.action.startsWith('case.service.'))).toEqual([]);
  }

  describe('adding and changing services', () => {
    it('adds a service with its HTCDS type and provider name; details sealed at rest; audited', async () => {
      const res = await client(t.app, workerA).post(url(), shelter());
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<ServiceDto>(res);
      expect(dto).toMatchObject({
        type: 'Shelter',
        htcdsType: 'SocialCare',
        providerAgencyId: agencyA,
        providerAgencyName: 'Tumaini Safe House',
        startDate: '2026-02-01',
        endDate: '2026-05-01',
        status: 'in_progress',
        details,
      });
      await expectAudit(t.ctx, res, { action: 'case.service.create', entityType: 'case', entityId: caseId });
      const row = await t.ctx.db
        .selectFrom('case_services')
        .selectAll()
        .where('id', '=', dto.id)
        .executeTakeFirstOrThrow();
      expect(row.details_enc).not.toContain('Nyali');
    });

    it('adds a service without provider, dates or details', async () => {
      const res = await client(t.app, supervisorA).post(url(), {
        type: 'Psychosocial',
        providerAgencyId: null,
        startDate: null,
        endDate: null,
        status: 'planned',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(json<ServiceDto>(res)).toMatchObject({
        htcdsType: 'Health',
        providerAgencyName: null,
        details: null,
      });
    });

    it('changes only the fields given, keeps the others, and audits the change', async () => {
      const created = json<ServiceDto>(await client(t.app, workerA).post(url(), shelter()));
      const res = await client(t.app, workerA).patch(`${url()}/${created.id}`, {
        status: 'completed',
        endDate: '2026-04-15',
        providerAgencyId: agencyB,
      });
      expect(res.statusCode, res.body).toBe(200);
      const dto = json<ServiceDto>(res);
      expect(dto).toMatchObject({
        type: 'Shelter',
        status: 'completed',
        startDate: '2026-02-01',
        endDate: '2026-04-15',
        providerAgencyName: "Children's Services Office, Kisumu",
        details,
      });
      expect(dto.updatedAt >= created.updatedAt).toBe(true);
      await expectAudit(t.ctx, res, { action: 'case.service.update', entityId: caseId });
      const cleared = json<ServiceDto>(
        await client(t.app, workerA).patch(`${url()}/${created.id}`, { details: null, type: 'Legal' }),
      );
      expect(cleared).toMatchObject({ details: null, type: 'Legal', htcdsType: 'Legal', status: 'completed' });
    });

    it('rejects an unknown provider, an end before the start and malformed input with 400, writing nothing', async () => {
      const before = await serviceRows();
      const cases: [unknown, string][] = [
        [{ ...shelter(), providerAgencyId: '0190a0b1-0000-7000-8000-000000000001' }, 'body.providerAgencyId'],
        [{ ...shelter(), startDate: '2026-05-02', endDate: '2026-05-01' }, 'body.endDate'],
        [{ ...shelter(), type: 'Spa' }, 'body.type'],
        [{ ...shelter(), startDate: '2026-02-30' }, 'body.startDate'],
        [{ ...shelter(), details: 'x'.repeat(5001) }, 'body.details'],
        [{ type: 'Shelter' }, 'body.status'],
      ];
      for (const [body, path] of cases) {
        const res = await client(t.app, workerA).post(url(), body);
        const problem = expectProblem(res, 400, 'validation_failed');
        expect(problem.issues?.map((i) => i.path)).toContain(path);
        await expectNoWrite(res);
      }
      expect(await serviceRows()).toBe(before);
    });

    it('checks a change against the stored dates and refuses an empty change (400, unchanged)', async () => {
      const created = json<ServiceDto>(await client(t.app, workerA).post(url(), shelter()));
      for (const body of [{ endDate: '2026-01-31' }, { startDate: '2026-06-01' }, {}, { providerAgencyId: 'nope' }]) {
        const res = await client(t.app, workerA).patch(`${url()}/${created.id}`, body);
        expectProblem(res, 400, 'validation_failed');
        await expectNoWrite(res);
      }
      const list = json<Page>(await client(t.app, workerA).get(url()));
      expect(list.items.find((s) => s.id === created.id)).toMatchObject({
        startDate: '2026-02-01',
        endDate: '2026-05-01',
      });
    });

    it('answers 404 for a service of another case', async () => {
      const created = json<ServiceDto>(await client(t.app, workerA).post(url(), shelter()));
      const other = await registerCase(t.app, workerA);
      expectProblem(
        await client(t.app, workerA).patch(`${url(other.code)}/${created.id}`, { status: 'cancelled' }),
        404,
      );
    });
  });

  describe('who may read and write the plan', () => {
    let serviceId: string;
    beforeAll(async () => {
      serviceId = json<ServiceDto>(await client(t.app, workerA).post(url(), shelter())).id;
    });

    it('the owning agency lists the plan in order, with details; the read is audited', async () => {
      const res = await client(t.app, workerA).get(url());
      expect(res.statusCode).toBe(200);
      const page = json<Page>(res);
      expect(page.nextCursor).toBeNull();
      expect(page.items.length).toBeGreaterThan(1);
      const times = page.items.map((s) => s.createdAt);
      expect(times).toEqual([...times].sort());
      expect(page.items.find((s) => s.id === serviceId)?.details).toBe(details);
      await expectAudit(t.ctx, res, { action: 'case.service.list', entityType: 'case', entityId: caseId });
    });

    it('refuses anonymous callers with 401', async () => {
      expectProblem(await client(t.app, null).get(url()), 401, 'unauthenticated');
      expectProblem(await client(t.app, null).post(url(), shelter()), 401, 'unauthenticated');
      expectProblem(await client(t.app, null).patch(`${url()}/${serviceId}`, { status: 'completed' }), 401);
    });

    it("hides agency A's case from case worker B (404, audited as denied)", async () => {
      const before = await serviceRows();
      for (const res of [
        await client(t.app, workerB).get(url()),
        await client(t.app, workerB).post(url(), shelter()),
        await client(t.app, workerB).patch(`${url()}/${serviceId}`, { status: 'cancelled' }),
      ]) {
        expectProblem(res, 404, 'not_found');
        await expectDenied(t.ctx, res, workerB, { entityType: 'case', entityId: caseId });
      }
      expect(await serviceRows()).toBe(before);
    });

    it('the analyst reads the plan de-identified, without details, and may not write (403)', async () => {
      const res = await client(t.app, analyst).get(url());
      expect(res.statusCode).toBe(200);
      const page = json<Page>(res);
      expect(page.items.find((s) => s.id === serviceId)).toMatchObject({ htcdsType: 'SocialCare', details: null });
      expect(res.body).not.toContain('Nyali');
      await expectAudit(t.ctx, res, { action: 'case.service.list', actorId: analyst.user.id });
      const before = await serviceRows();
      const write = await client(t.app, analyst).post(url(), shelter());
      expectProblem(write, 403);
      await expectDenied(t.ctx, write, analyst);
      expectProblem(await client(t.app, analyst).patch(`${url()}/${serviceId}`, { status: 'cancelled' }), 403);
      expect(await serviceRows()).toBe(before);
    });

    it('a referral view reads the plan with details when the services section is shared, and never writes', async () => {
      const shared = await registerCase(t.app, workerA);
      const sharedId = await caseIdOf(t.ctx, shared.code);
      const id = json<ServiceDto>(await client(t.app, workerA).post(url(shared.code), shelter())).id;
      await shareCase(t.ctx, sharedId, { agencyId: agencyB, sections: ['victim'] });
      const hidden = await client(t.app, workerB).get(url(shared.code));
      expectProblem(hidden, 403, 'services_not_visible');
      await expectDenied(t.ctx, hidden, workerB, { entityId: sharedId });
      await t.ctx.db
        .updateTable('consents')
        .set({ sections: JSON.stringify(['victim', 'services']) })
        .where('case_id', '=', sharedId)
        .execute();
      const res = await client(t.app, workerB).get(url(shared.code));
      expect(res.statusCode, res.body).toBe(200);
      expect(json<Page>(res).items).toMatchObject([{ id, details }]);
      expectProblem(await client(t.app, workerB).post(url(shared.code), shelter()), 403, 'read_only_case');
      expectProblem(
        await client(t.app, workerB).patch(`${url(shared.code)}/${id}`, { status: 'completed' }),
        403,
        'read_only_case',
      );
    });

    it('refuses changes to a closed case (409)', async () => {
      const closed = await registerCase(t.app, workerA);
      const id = json<ServiceDto>(await client(t.app, workerA).post(url(closed.code), shelter())).id;
      await client(t.app, workerA).post(`/api/v1/cases/${closed.code}/closure`, {
        status: 'Closed',
        reason: 'Reintegrated with family',
      });
      await client(t.app, supervisorA).post(`/api/v1/cases/${closed.code}/closure/approve`);
      expectProblem(await client(t.app, workerA).post(url(closed.code), shelter()), 409, 'case_closed');
      expectProblem(
        await client(t.app, workerA).patch(`${url(closed.code)}/${id}`, { status: 'completed' }),
        409,
        'case_closed',
      );
      expect((await client(t.app, workerA).get(url(closed.code))).statusCode).toBe(200);
    });
  });
});
