import type { CaseDto, ConsentDto, ReferralDto, SharedSection } from '@kinga/shared';
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
  send,
  signIn,
  type Method,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';
const HOUR = 3_600_000;

describeIntegration('referrals', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let police: Session;
  let analyst: Session;
  let secretariat: Session;
  let admin: Session;
  let agencyB: string;
  let policeAgency: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, police, analyst, secretariat, admin] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.police),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.admin),
    ]);
    agencyB = workerB.user.agencyId;
    policeAgency = police.user.agencyId;
  });
  afterAll(() => t?.close());

  const caseIdOf = async (code: string) =>
    (await t.ctx.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const referralsOf = (caseId: string) =>
    t.ctx.db.selectFrom('referrals').selectAll().where('case_id', '=', caseId).execute();

  /** A registered case of agency A with a referral consent for the agency, opening the sections. */
  async function consentedCase(agencyId: string, sections: SharedSection[] = ['victim', 'services']) {
    const dto = await registerCase(t.app, workerA);
    const res = await client(t.app, workerA).post(`/api/v1/cases/${dto.code}/consents`, {
      purpose: 'referral',
      agencyId,
      sections,
      method: 'written',
      givenOn: '2026-02-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    return { code: dto.code, caseId: await caseIdOf(dto.code), consent: json<ConsentDto>(res) };
  }

  async function refer(
    code: string,
    toAgencyId: string,
    extra: Record<string, unknown> = {},
    who: Session = workerA,
  ): Promise<ReferralDto> {
    const res = await client(t.app, who).post(`/api/v1/cases/${code}/referrals`, {
      toAgencyId,
      services: ['Psychosocial', 'Shelter'],
      reason: 'AdditionalServicesRequired',
      details: 'Needs a safe place near her school in Kondele',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<ReferralDto>(res);
  }

  it('refuses anonymous callers on every referral route with 401', async () => {
    const routes: [Method, string][] = [
      ['GET', '/api/v1/cases/KE-2026-000001/referrals'],
      ['POST', '/api/v1/cases/KE-2026-000001/referrals'],
      ['GET', '/api/v1/referrals'],
      ['GET', `/api/v1/referrals/${UNKNOWN_ID}`],
      ...(['approve', 'accept', 'decline', 'complete', 'revoke'] as const).map((a): [Method, string] => [
        'POST',
        `/api/v1/referrals/${UNKNOWN_ID}/${a}`,
      ]),
    ];
    for (const [method, url] of routes) {
      expectProblem(await send(t.app, null, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  describe('the consent gate', () => {
    it('without a consent: 409 consent_required and nothing written', async () => {
      const { code } = await registerCase(t.app, workerA);
      const caseId = await caseIdOf(code);
      const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
        toAgencyId: agencyB,
        services: ['Shelter'],
        reason: 'AdditionalServicesRequired',
      });
      expectProblem(res, 409, 'consent_required');
      expect(await referralsOf(caseId)).toEqual([]);
      expect(await auditRows(t.ctx, { action: 'referral.create', entityId: caseId })).toEqual([]);
    });

    it('a consent for another agency does not open the gate; a withdrawn one neither', async () => {
      const { code, caseId, consent } = await consentedCase(policeAgency);
      const body = { toAgencyId: agencyB, services: ['Shelter'], reason: 'AdditionalServicesRequired' };
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, body),
        409,
        'consent_required',
      );
      await client(t.app, workerA).post(`/api/v1/cases/${code}/consents/${consent.id}/withdraw`, {
        reason: 'Withdrawn at the follow-up visit',
      });
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, { ...body, toAgencyId: policeAgency }),
        409,
        'consent_required',
      );
      expect(await referralsOf(caseId)).toEqual([]);
    });

    it('a case worker giving an override reason is refused (403, audited) and nothing is written', async () => {
      const { code } = await registerCase(t.app, workerA);
      const caseId = await caseIdOf(code);
      const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
        toAgencyId: agencyB,
        services: ['Shelter'],
        reason: 'AdditionalServicesRequired',
        consentOverrideReason: 'Child in immediate danger',
      });
      expectProblem(res, 403, 'supervisor_required');
      await expectDenied(t.ctx, res, workerA, { entityId: caseId });
      expect(await referralsOf(caseId)).toEqual([]);
    });

    it("a supervisor's override is recorded: who, and a sealed reason", async () => {
      const { code } = await registerCase(t.app, workerA);
      const caseId = await caseIdOf(code);
      const res = await client(t.app, supervisorA).post(`/api/v1/cases/${code}/referrals`, {
        toAgencyId: agencyB,
        services: ['Shelter'],
        reason: 'AdditionalServicesRequired',
        consentOverrideReason: 'Child in immediate danger; guardian unreachable',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(json<ReferralDto>(res)).toMatchObject({ consentOverride: true, status: 'pending' });
      await expectAudit(t.ctx, res, { action: 'referral.create', entityType: 'case', entityId: caseId });
      const [stored] = await referralsOf(caseId);
      expect(stored).toMatchObject({ consent_id: null, consent_override_by: supervisorA.user.id });
      expect(stored?.consent_override_reason_enc).toBeTruthy();
      expect(JSON.stringify(stored)).not.toContain('immediate danger');
    });

    it('with an active consent the referral links it, waits for an answer and seals the message', async () => {
      const { code, caseId, consent } = await consentedCase(agencyB);
      const before = Date.now();
      const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
        toAgencyId: agencyB,
        services: ['Psychosocial'],
        reason: 'AdditionalServicesRequired',
        details: 'Needs counselling in Dholuo',
      });
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<ReferralDto>(res);
      expect(dto).toMatchObject({
        caseCode: code,
        kind: 'referral',
        status: 'pending',
        fromAgencyId: workerA.user.agencyId,
        toAgencyId: agencyB,
        toAgencyName: workerB.user.agencyName,
        details: 'Needs counselling in Dholuo',
        consentOverride: false,
        overdue: false,
        direction: 'outgoing',
        createdByName: workerA.user.name,
      });
      const respondBy = Date.parse(dto.respondBy ?? '');
      expect(respondBy).toBeGreaterThanOrEqual(before + 72 * HOUR);
      expect(respondBy).toBeLessThanOrEqual(Date.now() + 72 * HOUR);
      await expectAudit(t.ctx, res, { action: 'referral.create', entityType: 'case', entityId: caseId });
      const [stored] = await referralsOf(caseId);
      expect(stored?.consent_id).toBe(consent.id);
      expect(JSON.stringify(stored)).not.toContain('Dholuo');
    });

    it('rejects an unknown or own receiving agency (400) and writes nothing', async () => {
      const { code, caseId } = await consentedCase(agencyB);
      for (const toAgencyId of [UNKNOWN_ID, workerA.user.agencyId]) {
        const res = await client(t.app, supervisorA).post(`/api/v1/cases/${code}/referrals`, {
          toAgencyId,
          services: ['Shelter'],
          reason: 'AdditionalServicesRequired',
          consentOverrideReason: 'Urgent',
        });
        const problem = expectProblem(res, 400, 'validation_failed');
        expect(problem.issues?.map((i) => i.path)).toEqual(['body.toAgencyId']);
      }
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
          toAgencyId: agencyB,
          services: [],
          reason: 'AdditionalServicesRequired',
        }),
        400,
      );
      expect(await referralsOf(caseId)).toEqual([]);
    });

    it('refuses a draft case (409), a second open referral to the same agency (409), and other agencies (404)', async () => {
      const draft = await registerCase(t.app, workerA, undefined, { draft: true });
      expectProblem(
        await client(t.app, supervisorA).post(`/api/v1/cases/${draft.code}/referrals`, {
          toAgencyId: agencyB,
          services: ['Shelter'],
          reason: 'AdditionalServicesRequired',
          consentOverrideReason: 'Urgent',
        }),
        409,
        'case_is_draft',
      );
      const { code } = await consentedCase(agencyB);
      await refer(code, agencyB);
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
          toAgencyId: agencyB,
          services: ['Legal'],
          reason: 'Other',
        }),
        409,
        'referral_open',
      );
      const other = await client(t.app, workerB).post(`/api/v1/cases/${code}/referrals`, {
        toAgencyId: policeAgency,
        services: ['Legal'],
        reason: 'Other',
      });
      expectProblem(other, 404);
      await expectDenied(t.ctx, other, workerB);
      expectProblem(
        await client(t.app, analyst).post(`/api/v1/cases/${code}/referrals`, {
          toAgencyId: policeAgency,
          services: ['Legal'],
          reason: 'Other',
        }),
        403,
      );
    });
  });

  describe('a referral from A to B', () => {
    let code: string;
    let caseId: string;
    let referral: ReferralDto;

    beforeAll(async () => {
      ({ code, caseId } = await consentedCase(agencyB, ['victim', 'services']));
      referral = await refer(code, agencyB);
    });

    it('before acceptance, B sees the summary but not the case', async () => {
      const hidden = await client(t.app, workerB).get(`/api/v1/cases/${code}`);
      expectProblem(hidden, 404);
      await expectDenied(t.ctx, hidden, workerB);
      const res = await client(t.app, workerB).get(`/api/v1/referrals/${referral.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ReferralDto>(res)).toMatchObject({
        direction: 'incoming',
        details: 'Needs a safe place near her school in Kondele',
        caseCode: code,
      });
      await expectAudit(t.ctx, res, { action: 'referral.read', entityType: 'case', entityId: caseId });
      const incoming = json<{ items: ReferralDto[] }>(
        await client(t.app, workerB).get('/api/v1/referrals', { query: { direction: 'incoming' } }),
      );
      expect(incoming.items.map((r) => r.id)).toContain(referral.id);
      const outgoing = json<{ items: ReferralDto[] }>(
        await client(t.app, workerB).get('/api/v1/referrals', { query: { direction: 'outgoing' } }),
      );
      expect(outgoing.items.map((r) => r.id)).not.toContain(referral.id);
    });

    it('a third agency gets 404 (audited), the administrator 403', async () => {
      const res = await client(t.app, police).get(`/api/v1/referrals/${referral.id}`);
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, police, { entityType: 'referral', entityId: referral.id });
      const list = json<{ items: ReferralDto[] }>(await client(t.app, police).get('/api/v1/referrals'));
      expect(list.items.map((r) => r.id)).not.toContain(referral.id);
      expectProblem(await client(t.app, police).post(`/api/v1/referrals/${referral.id}/accept`), 404);
      const adminRes = await client(t.app, admin).get('/api/v1/referrals');
      expectProblem(adminRes, 403);
      await expectDenied(t.ctx, adminRes, admin);
      expectProblem(await client(t.app, admin).get(`/api/v1/referrals/${referral.id}`), 403);
    });

    it('observers see the summary without free text', async () => {
      for (const who of [analyst, secretariat]) {
        const res = await client(t.app, who).get(`/api/v1/referrals/${referral.id}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(json<ReferralDto>(res)).toMatchObject({ direction: 'observer', details: null, caseCode: code });
        expect(res.body).not.toContain('Kondele');
        const list = await client(t.app, who).get('/api/v1/referrals', { query: { caseCode: code } });
        expect(json<{ items: ReferralDto[] }>(list).items).toEqual([
          expect.objectContaining({ id: referral.id, details: null, direction: 'observer' }),
        ]);
        await expectAudit(t.ctx, list, { action: 'referral.list', entityType: 'case', entityId: null });
        expect(list.body).not.toContain('Kondele');
      }
    });

    it('the sender lists the case referrals; other views may not', async () => {
      const res = await client(t.app, workerA).get(`/api/v1/cases/${code}/referrals`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<{ items: ReferralDto[] }>(res).items.map((r) => r.id)).toEqual([referral.id]);
      await expectAudit(t.ctx, res, { action: 'referral.list', entityType: 'case', entityId: caseId });
      expectProblem(await client(t.app, workerB).get(`/api/v1/cases/${code}/referrals`), 404);
      const deid = await client(t.app, analyst).get(`/api/v1/cases/${code}/referrals`);
      expectProblem(deid, 403, 'referrals_not_visible');
      await expectDenied(t.ctx, deid, analyst, { entityId: caseId });
    });

    it('only the receiver answers; the sender cannot accept (403)', async () => {
      const res = await client(t.app, workerA).post(`/api/v1/referrals/${referral.id}/accept`);
      expectProblem(res, 403, 'receiver_required');
      await expectDenied(t.ctx, res, workerA);
      expectProblem(await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/complete`), 409);
    });

    it('after B accepts, B sees only the consented sections', async () => {
      const res = await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/accept`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ReferralDto>(res)).toMatchObject({
        status: 'accepted',
        respondedByName: workerB.user.name,
        direction: 'incoming',
      });
      await expectAudit(t.ctx, res, { action: 'referral.accept', entityType: 'case', entityId: caseId });
      expectProblem(
        await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/accept`),
        409,
        'invalid_referral_state',
      );

      const view = await client(t.app, workerB).get(`/api/v1/cases/${code}`);
      expect(view.statusCode, view.body).toBe(200);
      const dto = json<CaseDto>(view);
      expect(dto).toMatchObject({
        view: 'referral',
        sections: ['victim', 'services'],
        canRevealIdentity: false,
        canEdit: false,
        events: null,
      });
      expect(dto.victim?.exploitationTypes).toEqual(['ForcedLabour']);
      expect(view.body).not.toContain('Otieno');
      expect(view.body).not.toContain('Eastleigh');
      const reveal = await client(t.app, workerB).post(`/api/v1/cases/${code}/identity`);
      expectProblem(reveal, 403);
      await expectDenied(t.ctx, reveal, workerB);
      expectProblem(await client(t.app, workerB).patch(`/api/v1/cases/${code}`, { countyCode: 2 }), 403);
      expectProblem(await client(t.app, workerB).get(`/api/v1/cases/${code}/referrals`), 403);
      // Only the receiving agency gains the view.
      expectProblem(await client(t.app, police).get(`/api/v1/cases/${code}`), 404);
    });

    it("the referral's steps show in the case history", async () => {
      const history = json<{ items: { action: string }[] }>(
        await client(t.app, workerA).get(`/api/v1/cases/${code}/history`),
      );
      expect(history.items.map((i) => i.action)).toEqual(
        expect.arrayContaining(['referral.create', 'referral.read', 'referral.accept']),
      );
    });

    it('the receiver cannot revoke; after the sender revokes, B gets 404 again', async () => {
      expectProblem(
        await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/revoke`),
        403,
        'sender_required',
      );
      const res = await client(t.app, workerA).post(`/api/v1/referrals/${referral.id}/revoke`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ReferralDto>(res)).toMatchObject({ status: 'revoked' });
      expect(json<ReferralDto>(res).revokedAt).not.toBeNull();
      await expectAudit(t.ctx, res, { action: 'referral.revoke', entityType: 'case', entityId: caseId });
      const hidden = await client(t.app, workerB).get(`/api/v1/cases/${code}`);
      expectProblem(hidden, 404);
      await expectDenied(t.ctx, hidden, workerB, { entityId: caseId });
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/referrals/${referral.id}/revoke`),
        409,
        'invalid_referral_state',
      );
    });
  });

  describe('answers', () => {
    it('B declines with a sealed reason the sender reads; a declined referral cannot be accepted', async () => {
      const { code, caseId } = await consentedCase(agencyB);
      const referral = await refer(code, agencyB);
      expectProblem(
        await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/decline`, { reason: 'x' }),
        400,
      );
      const res = await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/decline`, {
        reason: 'No shelter places for girls this month',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ReferralDto>(res)).toMatchObject({ status: 'declined', respondedByName: workerB.user.name });
      await expectAudit(t.ctx, res, { action: 'referral.decline', entityType: 'case', entityId: caseId });
      const [stored] = await referralsOf(caseId);
      expect(JSON.stringify(stored)).not.toContain('shelter places');
      const seen = json<ReferralDto>(await client(t.app, workerA).get(`/api/v1/referrals/${referral.id}`));
      expect(seen.declineReason).toBe('No shelter places for girls this month');
      const observed = json<ReferralDto>(await client(t.app, analyst).get(`/api/v1/referrals/${referral.id}`));
      expect(observed.declineReason).toBeNull();
      expectProblem(
        await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/accept`),
        409,
        'invalid_referral_state',
      );
      expectProblem(await client(t.app, workerB).get(`/api/v1/cases/${code}`), 404);
    });

    it('B completes an accepted referral; the case closes to B again', async () => {
      const { code, caseId } = await consentedCase(agencyB);
      const referral = await refer(code, agencyB);
      expect((await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
      expect((await client(t.app, workerB).get(`/api/v1/cases/${code}`)).statusCode).toBe(200);
      const res = await client(t.app, workerB).post(`/api/v1/referrals/${referral.id}/complete`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ReferralDto>(res).status).toBe('completed');
      expect(json<ReferralDto>(res).completedAt).not.toBeNull();
      await expectAudit(t.ctx, res, { action: 'referral.complete', entityType: 'case', entityId: caseId });
      expectProblem(await client(t.app, workerB).get(`/api/v1/cases/${code}`), 404);
      expectProblem(await client(t.app, workerA).post(`/api/v1/referrals/${referral.id}/revoke`), 409);
    });

    it('an unknown referral is 404; a malformed id 400', async () => {
      expectProblem(await client(t.app, workerB).get(`/api/v1/referrals/${UNKNOWN_ID}`), 404);
      expectProblem(await client(t.app, workerB).post(`/api/v1/referrals/${UNKNOWN_ID}/accept`), 404);
      expectProblem(await client(t.app, workerB).get('/api/v1/referrals/not-an-id'), 400);
    });
  });

  describe('lists', () => {
    it('flags a pending referral past its deadline as overdue and filters on it', async () => {
      const { code } = await consentedCase(agencyB);
      const late = await refer(code, agencyB);
      const { code: code2 } = await consentedCase(agencyB);
      const onTime = await refer(code2, agencyB);
      await t.ctx.db
        .updateTable('referrals')
        .set({ respond_by: '2000-01-01T00:00:00.000Z' })
        .where('id', '=', late.id)
        .execute();
      const ids = async (query: Record<string, string>) =>
        json<{ items: ReferralDto[] }>(await client(t.app, workerB).get('/api/v1/referrals', { query })).items.map(
          (r) => r.id,
        );
      expect(await ids({ overdue: 'true', caseCode: code })).toEqual([late.id]);
      expect(await ids({ overdue: 'true', caseCode: code2 })).toEqual([]);
      expect(await ids({ overdue: 'false', caseCode: code2 })).toEqual([onTime.id]);
      expect(await ids({ overdue: 'false', caseCode: code })).toEqual([]);
      const overdue = json<{ items: ReferralDto[] }>(
        await client(t.app, workerB).get('/api/v1/referrals', { query: { overdue: 'true', limit: '200' } }),
      );
      expect(overdue.items.map((r) => r.id)).toContain(late.id);
      expect(overdue.items.every((r) => r.overdue && r.status === 'pending')).toBe(true);
      const one = json<ReferralDto>(await client(t.app, workerA).get(`/api/v1/referrals/${late.id}`));
      expect(one.overdue).toBe(true);
    });

    it('pages in keyset order without repeats and filters by status and case', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: '2', sort: 'createdAt', order: 'asc' };
        if (cursor) query.cursor = cursor;
        const page = json<{ items: ReferralDto[]; nextCursor: string | null }>(
          await client(t.app, workerA).get('/api/v1/referrals', { query }),
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((r) => r.createdAt + r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.length).toBeGreaterThan(4);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);

      const pending = json<{ items: ReferralDto[] }>(
        await client(t.app, workerA).get('/api/v1/referrals', {
          query: { status: 'pending', direction: 'outgoing', limit: '200' },
        }),
      );
      expect(pending.items.length).toBeGreaterThan(0);
      expect(pending.items.every((r) => r.status === 'pending' && r.direction === 'outgoing')).toBe(true);
      expectProblem(await client(t.app, workerA).get('/api/v1/referrals', { query: { cursor: 'bogus' } }), 400);
      const byDeadline = json<{ items: ReferralDto[] }>(
        await client(t.app, workerA).get('/api/v1/referrals', {
          query: { sort: 'respondBy', order: 'asc', limit: '200' },
        }),
      );
      const deadlines = byDeadline.items.map((r) => r.respondBy ?? '9999-12-31');
      expect(deadlines).toEqual([...deadlines].sort());
    });
  });

  describe('a transfer', () => {
    it('waits for the sending supervisor, then moves the case to the accepting worker', async () => {
      const { code, caseId } = await consentedCase(agencyB, ['identity', 'victim']);
      const transfer = await refer(code, agencyB, { kind: 'transfer', reason: 'MigrationOrChangeOfLocation' });
      expect(transfer).toMatchObject({ kind: 'transfer', status: 'awaiting_approval', respondBy: null });
      // Not yet sent: the receiver does not see it, let alone accept it.
      expectProblem(await client(t.app, workerB).get(`/api/v1/referrals/${transfer.id}`), 404);
      expectProblem(await client(t.app, workerB).post(`/api/v1/referrals/${transfer.id}/accept`), 404);
      const incoming = json<{ items: ReferralDto[] }>(await client(t.app, workerB).get('/api/v1/referrals'));
      expect(incoming.items.map((r) => r.id)).not.toContain(transfer.id);
      // A second transfer while this one is under way is refused.
      expectProblem(
        await client(t.app, supervisorA).post(`/api/v1/cases/${code}/referrals`, {
          kind: 'transfer',
          toAgencyId: policeAgency,
          services: ['Legal'],
          reason: 'Other',
          consentOverrideReason: 'Court order',
        }),
        409,
        'referral_open',
      );

      const byWorker = await client(t.app, workerA).post(`/api/v1/referrals/${transfer.id}/approve`);
      expectProblem(byWorker, 403);
      await expectDenied(t.ctx, byWorker, workerA);
      const approved = await client(t.app, supervisorA).post(`/api/v1/referrals/${transfer.id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(json<ReferralDto>(approved).status).toBe('pending');
      expect(json<ReferralDto>(approved).respondBy).not.toBeNull();
      await expectAudit(t.ctx, approved, { action: 'referral.approve', entityType: 'case', entityId: caseId });
      expectProblem(
        await client(t.app, supervisorA).post(`/api/v1/referrals/${transfer.id}/approve`),
        409,
        'invalid_referral_state',
      );

      const accepted = await client(t.app, workerB).post(`/api/v1/referrals/${transfer.id}/accept`);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(json<ReferralDto>(accepted)).toMatchObject({ status: 'completed', direction: 'incoming' });
      await expectAudit(t.ctx, accepted, { action: 'referral.accept', entityType: 'case', entityId: caseId });

      const now = json<CaseDto>(await client(t.app, workerB).get(`/api/v1/cases/${code}`));
      expect(now).toMatchObject({ view: 'full', agencyId: agencyB, ownerId: workerB.user.id, canEdit: true });
      const revealed = await client(t.app, workerB).post(`/api/v1/cases/${code}/identity`);
      expect(revealed.statusCode).toBe(200);
      expectProblem(await client(t.app, workerA).get(`/api/v1/cases/${code}`), 404);
      // The sender still sees the summary of what it sent.
      expect(json<ReferralDto>(await client(t.app, workerA).get(`/api/v1/referrals/${transfer.id}`)).status).toBe(
        'completed',
      );
    });

    it('the sender may revoke a transfer before approval; it can then no longer be approved', async () => {
      const { code } = await consentedCase(agencyB);
      const transfer = await refer(code, agencyB, { kind: 'transfer' }, supervisorA);
      const revoked = await client(t.app, workerA).post(`/api/v1/referrals/${transfer.id}/revoke`);
      expect(json<ReferralDto>(revoked).status).toBe('revoked');
      expectProblem(await client(t.app, supervisorA).post(`/api/v1/referrals/${transfer.id}/approve`), 409);
    });

    it('a transfer without consent needs a supervisor override too', async () => {
      const { code } = await registerCase(t.app, workerA);
      expectProblem(
        await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
          kind: 'transfer',
          toAgencyId: agencyB,
          services: ['Shelter'],
          reason: 'MigrationOrChangeOfLocation',
        }),
        409,
        'consent_required',
      );
    });
  });
});
