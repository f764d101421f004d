import type { CaseDto, ConsentDto, ReferralDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCase } from '../../../test/case-factories.ts';
import {
  auditRows,
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

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';

describeIntegration('consents', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let secretariat: Session;
  let admin: Session;
  let agencyB: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst, secretariat, admin] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.admin),
    ]);
    agencyB = workerB.user.agencyId;
  });
  afterAll(() => t?.close());

  const consentsOf = async (caseId: string) =>
    t.ctx.db.selectFrom('consents').selectAll().where('case_id', '=', caseId).execute();
  const caseIdOf = async (code: string) =>
    (await t.ctx.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  describe('recording and listing', () => {
    let code: string;
    let caseId: string;
    beforeAll(async () => {
      code = (await registerCase(t.app, workerA)).code;
      caseId = await caseIdOf(code);
    });

    it('refuses anonymous callers with 401', async () => {
      const anonymous = client(t.app, null);
      expectProblem(await anonymous.get(`/api/v1/cases/${code}/consents`), 401, 'unauthenticated');
      expectProblem(await anonymous.post(`/api/v1/cases/${code}/consents`, {}), 401, 'unauthenticated');
      expectProblem(
        await anonymous.post(`/api/v1/cases/${code}/consents/${UNKNOWN_ID}/withdraw`, { reason: 'Changed mind' }),
        401,
        'unauthenticated',
      );
    });

    it('records a referral consent for a child, sealing the guardian name and note, and audits it', async () => {
      const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
        purpose: 'referral',
        agencyId: agencyB,
        sections: ['victim', 'services'],
        method: 'written',
        givenOn: '2026-01-15',
        guardianName: 'Rose Atieno Odhiambo',
        bestInterestNote: 'Mother present and agrees to the referral',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(json<ConsentDto>(res)).toMatchObject({
        purpose: 'referral',
        agencyId: agencyB,
        agencyName: workerB.user.agencyName,
        sections: ['victim', 'services'],
        guardianName: 'Rose Atieno Odhiambo',
        bestInterestNote: 'Mother present and agrees to the referral',
        recordedById: workerA.user.id,
        recordedByName: workerA.user.name,
        active: true,
        withdrawnAt: null,
      });
      await expectAudit(t.ctx, res, { action: 'case.consent.create', entityType: 'case', entityId: caseId });
      const [stored] = await consentsOf(caseId);
      expect(stored?.guardian_name_enc).toBeTruthy();
      expect(JSON.stringify(stored)).not.toContain('Atieno');
      expect(JSON.stringify(stored)).not.toContain('Mother present');
      const [audit] = await auditRows(t.ctx, { action: 'case.consent.create', entityId: caseId });
      expect(JSON.stringify(audit)).not.toContain('Atieno');
    });

    it('records a case-management consent without an agency', async () => {
      const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
        purpose: 'case_management',
        method: 'verbal',
        givenOn: '2026-01-10',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(json<ConsentDto>(res)).toMatchObject({ agencyId: null, sections: [], guardianName: null });
    });

    it('the owning agency lists every consent, audited as a read', async () => {
      const res = await client(t.app, supervisorA).get(`/api/v1/cases/${code}/consents`);
      expect(res.statusCode, res.body).toBe(200);
      const { items } = json<{ items: ConsentDto[] }>(res);
      expect(items.map((c) => c.purpose).sort()).toEqual(['case_management', 'referral']);
      expect(items.find((c) => c.purpose === 'referral')?.guardianName).toBe('Rose Atieno Odhiambo');
      await expectAudit(t.ctx, res, { action: 'case.consent.list', entityType: 'case', entityId: caseId });
    });

    it("another agency's worker gets 404, audited as denied", async () => {
      const res = await client(t.app, workerB).get(`/api/v1/cases/${code}/consents`);
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, workerB, { entityId: caseId });
      const post = await client(t.app, workerB).post(`/api/v1/cases/${code}/consents`, {
        purpose: 'statistics',
        method: 'verbal',
        givenOn: '2026-01-10',
      });
      expectProblem(post, 404);
      await expectDenied(t.ctx, post, workerB);
    });

    it('de-identified readers get 403 (audited); roles without case access get 403', async () => {
      for (const who of [analyst, secretariat]) {
        const res = await client(t.app, who).get(`/api/v1/cases/${code}/consents`);
        expectProblem(res, 403, 'consents_not_visible');
        await expectDenied(t.ctx, res, who, { entityId: caseId });
      }
      const write = await client(t.app, secretariat).post(`/api/v1/cases/${code}/consents`, {
        purpose: 'statistics',
        method: 'verbal',
        givenOn: '2026-01-10',
      });
      expectProblem(write, 403);
      await expectDenied(t.ctx, write, secretariat);
      const adminRead = await client(t.app, admin).get(`/api/v1/cases/${code}/consents`);
      expectProblem(adminRead, 403);
      await expectDenied(t.ctx, adminRead, admin);
    });

    it('rejects a referral consent naming an unknown agency or the own one, writing nothing', async () => {
      const before = (await consentsOf(caseId)).length;
      for (const agencyId of [UNKNOWN_ID, workerA.user.agencyId]) {
        const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
          purpose: 'referral',
          agencyId,
          sections: ['victim'],
          method: 'written',
          givenOn: '2026-01-15',
        });
        const problem = expectProblem(res, 400, 'validation_failed');
        expect(problem.issues?.map((i) => i.path)).toEqual(['body.agencyId']);
      }
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
          purpose: 'referral',
          method: 'written',
          givenOn: '2026-01-15',
        }),
        400,
      );
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
          purpose: 'statistics',
          agencyId: agencyB,
          method: 'written',
          givenOn: '2026-01-15',
        }),
        400,
      );
      expect(await consentsOf(caseId)).toHaveLength(before);
    });

    it('refuses a new consent on a closed case (409)', async () => {
      const closed = await registerCase(t.app, workerA);
      await client(t.app, workerA).post(`/api/v1/cases/${closed.code}/closure`, {
        status: 'Closed',
        reason: 'Reintegrated with family',
      });
      expect((await client(t.app, supervisorA).post(`/api/v1/cases/${closed.code}/closure/approve`)).statusCode).toBe(
        200,
      );
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${closed.code}/consents`, {
          purpose: 'statistics',
          method: 'verbal',
          givenOn: '2026-01-10',
        }),
        409,
        'case_closed',
      );
    });
  });

  describe('withdrawal', () => {
    it('withdraws once with a sealed reason, audited; a second withdrawal is 409', async () => {
      const { code } = await registerCase(t.app, workerA);
      const caseId = await caseIdOf(code);
      const consent = json<ConsentDto>(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
          purpose: 'statistics',
          method: 'verbal',
          givenOn: '2026-01-10',
        }),
      );
      const url = `/api/v1/cases/${code}/consents/${consent.id}/withdraw`;
      expectProblem(await client(t.app, workerB).post(url, { reason: 'Not mine' }), 404);
      expectProblem(await client(t.app, workerA).post(url, { reason: 'no' }), 400);
      const res = await client(t.app, workerA).post(url, { reason: 'She no longer wants her data counted' });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ConsentDto>(res)).toMatchObject({
        active: false,
        withdrawnByName: workerA.user.name,
        withdrawalReason: 'She no longer wants her data counted',
      });
      await expectAudit(t.ctx, res, { action: 'case.consent.withdraw', entityType: 'case', entityId: caseId });
      const [stored] = await consentsOf(caseId);
      expect(stored?.withdrawal_reason_enc).toBeTruthy();
      expect(JSON.stringify(stored)).not.toContain('data counted');
      expectProblem(await client(t.app, workerA).post(url, { reason: 'Again, by mistake' }), 409, 'consent_withdrawn');
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/consents/${UNKNOWN_ID}/withdraw`, {
          reason: 'No such consent',
        }),
        404,
      );
    });

    it('withdrawing a referral consent at once removes what the receiving agency sees', async () => {
      const { code } = await registerCase(t.app, workerA);
      const consent = json<ConsentDto>(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
          purpose: 'referral',
          agencyId: agencyB,
          sections: ['victim', 'route'],
          method: 'written',
          givenOn: '2026-02-01',
        }),
      );
      const referral = json<ReferralDto>(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
          toAgencyId: agencyB,
          services: ['Psychosocial'],
          reason: 'AdditionalServicesRequired',
        }),
      );
      expect(referral.status).toBe('pending');
      expect((await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);

      const shared = await client(t.app, workerB).get(`/api/v1/cases/${code}`);
      expect(shared.statusCode, shared.body).toBe(200);
      expect(json<CaseDto>(shared)).toMatchObject({ view: 'referral', sections: ['victim', 'route'] });
      // A referral view sees no consents.
      const consents = await client(t.app, workerB).get(`/api/v1/cases/${code}/consents`);
      expectProblem(consents, 403, 'consents_not_visible');
      await expectDenied(t.ctx, consents, workerB);

      const withdrawn = await client(t.app, workerA).post(`/api/v1/cases/${code}/consents/${consent.id}/withdraw`, {
        reason: 'She withdrew her consent by phone',
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);

      const after = await client(t.app, workerB).get(`/api/v1/cases/${code}`);
      expectProblem(after, 404);
      await expectDenied(t.ctx, after, workerB);
      // The referral itself stays accepted; it just opens nothing any more.
      const summary = json<ReferralDto>(await client(t.app, workerB).get(`/api/v1/referrals/${referral.id}`));
      expect(summary.status).toBe('accepted');
    });
  });
});
