import type { CaseDto, ScreeningDto, TraffickingStatus } from '@kinga/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput, registerCase } from '../../../test/case-factories.ts';
import { insertUser } from '../../../test/factories.ts';
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

type Page = { items: ScreeningDto[]; nextCursor: string | null };
type Observations = {
  acts?: string[];
  means?: string[];
  purposes?: string[];
  iloIndicators?: string[];
  ageAtExploitation: number | null;
  notes?: string | null;
};

const observed = (o: Observations) => ({ acts: [], means: [], purposes: [], iloIndicators: [], ...o });

describeIntegration('screenings and determinations', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let police: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst, police] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.police),
    ]);
  });
  afterAll(() => t?.close());

  const url = (code: string) => `/api/v1/cases/${code}/screenings`;
  const screen = (session: Session | null, code: string, o: Observations) =>
    client(t.app, session).post(url(code), observed(o));
  const determine = (session: Session | null, code: string, id: string, body: unknown) =>
    client(t.app, session).post(`${url(code)}/${id}/determination`, body);

  async function traffickingStatusOf(code: string): Promise<TraffickingStatus | null> {
    return json<CaseDto>(await client(t.app, workerA).get(`/api/v1/cases/${code}`)).traffickingStatus;
  }

  async function screeningRows(caseId?: string): Promise<number> {
    let q = t.ctx.db.selectFrom('screenings').select((eb) => eb.fn.countAll<number>().as('n'));
    if (caseId) q = q.where('case_id', '=', caseId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async function expectNoWrite(res: LightMyRequestResponse, action: string) {
    const audit = await auditOfResponse(t.ctx, res);
    expect(audit.filter((a) => a.action === action && a.outcome === 'success')).toEqual([]);
  }

  describe('the suggested status', () => {
    const ADULT = 24;
    const CHILD = 15;
    const rows: [string, TraffickingStatus, Observations, boolean | null, string][] = [
      [
        'adult: act, means and purpose',
        'ActualVictimOfTrafficking',
        { acts: ['Recruitment'], means: ['Deception'], purposes: ['ForcedLabourOrServices'], ageAtExploitation: ADULT },
        false,
        'all_elements',
      ],
      [
        'adult: act and purpose, no means',
        'PossibleVictimOfTrafficking',
        { acts: ['Transportation'], purposes: ['SexualExploitation'], ageAtExploitation: ADULT },
        false,
        'means_missing',
      ],
      [
        'adult: act, purpose and an ILO indicator that is a means',
        'ActualVictimOfTrafficking',
        {
          acts: ['Harbouring'],
          purposes: ['Servitude'],
          iloIndicators: ['RetentionOfIdentityDocuments'],
          ageAtExploitation: ADULT,
        },
        false,
        'means_from_ilo_indicators',
      ],
      [
        'adult: act and two ILO indicators (means and forced labour)',
        'ActualVictimOfTrafficking',
        { acts: ['Recruitment'], iloIndicators: ['DebtBondage', 'ExcessiveOvertime'], ageAtExploitation: ADULT },
        false,
        'purpose_from_ilo_indicators',
      ],
      [
        'adult: one ILO indicator only',
        'PossibleVictimOfTrafficking',
        { iloIndicators: ['ExcessiveOvertime'], ageAtExploitation: ADULT },
        false,
        'some_elements',
      ],
      ['adult: nothing observed', 'NotAVictimOfTrafficking', { ageAtExploitation: ADULT }, false, 'no_elements'],
      [
        'child of 15: act and purpose, means not required',
        'ActualVictimOfTrafficking',
        { acts: ['Recruitment'], purposes: ['ChildLabour'], ageAtExploitation: CHILD },
        true,
        'means_not_required_child',
      ],
      [
        'child of 17: act and purpose',
        'ActualVictimOfTrafficking',
        { acts: ['Receipt'], purposes: ['ChildMarriage'], ageAtExploitation: 17 },
        true,
        'all_elements',
      ],
      [
        'just 18: act and purpose, no means',
        'PossibleVictimOfTrafficking',
        { acts: ['Receipt'], purposes: ['ForcedMarriage'], ageAtExploitation: 18 },
        false,
        'means_missing',
      ],
      [
        'child of 15: purpose only',
        'PossibleVictimOfTrafficking',
        { purposes: ['SexualExploitation'], ageAtExploitation: CHILD },
        true,
        'act_missing',
      ],
      ['child of 15: nothing observed', 'NotAVictimOfTrafficking', { ageAtExploitation: CHILD }, true, 'no_elements'],
      [
        'age unknown: act and purpose, no means',
        'PossibleVictimOfTrafficking',
        { acts: ['Recruitment'], purposes: ['ForcedLabourOrServices'], ageAtExploitation: null },
        null,
        'age_unknown',
      ],
    ];

    it.each(rows)('%s → %s', async (_label, expected, o, child, reason) => {
      const age = o.ageAtExploitation;
      const base = buildCaseInput();
      const input =
        age !== null && age < 18
          ? {
              ...base,
              identity: { ...base.identity, birthDate: '2010-06-01' },
              victim: { ...base.victim, ageWhenTrafficked: age },
            }
          : base;
      const { code } = await registerCase(t.app, workerA, input);
      const res = await screen(workerA, code, o);
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<ScreeningDto>(res);
      expect(dto).toMatchObject({
        suggestedStatus: expected,
        child,
        ageAtExploitation: age,
        screenedById: workerA.user.id,
        screenedByName: workerA.user.name,
        determination: { state: 'pending', status: null, decidedById: null, reason: null },
      });
      expect(dto.reasons.map((r) => r.code)).toContain(reason);
      expect(await traffickingStatusOf(code)).toBe(expected);
      await expectAudit(t.ctx, res, {
        action: 'case.screening.create',
        entityType: 'case',
        entityId: await caseIdOf(t.ctx, code),
      });
    });

    it('computes the suggestion itself, ignoring one sent by the client', async () => {
      const { code } = await registerCase(t.app, workerA);
      const res = await client(t.app, workerA).post(url(code), {
        ...observed({ ageAtExploitation: 30 }),
        suggestedStatus: 'ActualVictimOfTrafficking',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(json<ScreeningDto>(res).suggestedStatus).toBe('NotAVictimOfTrafficking');
    });
  });

  describe('recording a screening', () => {
    let code: string;
    let caseId: string;
    beforeAll(async () => {
      code = (await registerCase(t.app, workerA)).code;
      caseId = await caseIdOf(t.ctx, code);
    });

    it('keeps the notes sealed at rest and shows them to the owning agency', async () => {
      const notes = 'Met at Likoni ferry; says employer in Dubai holds her passport.';
      const res = await screen(workerA, code, { acts: ['Recruitment'], ageAtExploitation: 30, notes });
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<ScreeningDto>(res);
      expect(dto.notes).toBe(notes);
      const row = await t.ctx.db
        .selectFrom('screenings')
        .selectAll()
        .where('id', '=', dto.id)
        .executeTakeFirstOrThrow();
      expect(row.notes_enc).not.toContain('Likoni');
      expect(JSON.parse(row.observations_json)).toMatchObject({ acts: ['Recruitment'], ageAtExploitation: 30 });
      expect(JSON.parse(row.suggestion_json)).toMatchObject({ suggestedStatus: 'PossibleVictimOfTrafficking' });
    });

    it('rejects bad input with 400 and writes nothing', async () => {
      const before = await screeningRows(caseId);
      for (const body of [
        { ...observed({ ageAtExploitation: 30 }), acts: ['Kidnapping'] },
        { ...observed({ ageAtExploitation: 30 }), acts: ['Recruitment', 'Recruitment'] },
        { ...observed({ ageAtExploitation: 121 }) },
        { acts: ['Recruitment'] },
        { ...observed({ ageAtExploitation: 30 }), notes: 'x'.repeat(5001) },
      ]) {
        const res = await client(t.app, workerA).post(url(code), body);
        expectProblem(res, 400, 'validation_failed');
        await expectNoWrite(res, 'case.screening.create');
      }
      expect(await screeningRows(caseId)).toBe(before);
    });

    it('refuses anonymous callers (401) and readers without case:write (403)', async () => {
      const before = await screeningRows(caseId);
      expectProblem(await screen(null, code, { ageAtExploitation: 30 }), 401, 'unauthenticated');
      const res = await screen(analyst, code, { ageAtExploitation: 30 });
      expectProblem(res, 403);
      await expectDenied(t.ctx, res, analyst);
      expect(await screeningRows(caseId)).toBe(before);
    });

    it("hides agency A's case from case worker B (404, audited as denied)", async () => {
      const before = await screeningRows(caseId);
      const res = await screen(workerB, code, { acts: ['Recruitment'], ageAtExploitation: 30 });
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, workerB, { entityType: 'case', entityId: caseId });
      expect(await screeningRows(caseId)).toBe(before);
    });

    it('refuses a screening on a closed case (409)', async () => {
      const closed = await registerCase(t.app, workerA);
      await client(t.app, workerA).post(`/api/v1/cases/${closed.code}/closure`, {
        status: 'Closed',
        reason: 'Reintegrated with family',
      });
      await client(t.app, supervisorA).post(`/api/v1/cases/${closed.code}/closure/approve`);
      expectProblem(await screen(workerA, closed.code, { ageAtExploitation: 30 }), 409, 'case_closed');
    });
  });

  describe('determination', () => {
    const adultAll = {
      acts: ['Recruitment'],
      means: ['Fraud'],
      purposes: ['ForcedLabourOrServices'],
      ageAtExploitation: 29,
    };

    it('a supervisor confirms the suggestion: status, decider, agency and organisation recorded; audited', async () => {
      const { code } = await registerCase(t.app, workerA);
      const screening = json<ScreeningDto>(await screen(workerA, code, adultAll));
      const res = await determine(supervisorA, code, screening.id, { decision: 'confirm' });
      expect(res.statusCode, res.body).toBe(200);
      const dto = json<ScreeningDto>(res);
      expect(dto.determination).toMatchObject({
        state: 'confirmed',
        status: 'ActualVictimOfTrafficking',
        decidedById: supervisorA.user.id,
        decidedByName: supervisorA.user.name,
        decisionOrg: 'NGO',
        decisionAgencyName: 'Tumaini Safe House',
        reason: null,
      });
      expect(dto.determination.decidedAt).not.toBeNull();
      expect(await traffickingStatusOf(code)).toBe('ActualVictimOfTrafficking');
      await expectAudit(t.ctx, res, {
        action: 'case.screening.determine',
        entityType: 'case',
        entityId: await caseIdOf(t.ctx, code),
        actorId: supervisorA.user.id,
      });
    });

    it('a second determination of the same screening is a conflict (409) and changes nothing', async () => {
      const { code } = await registerCase(t.app, workerA);
      const screening = json<ScreeningDto>(await screen(workerA, code, adultAll));
      expect((await determine(supervisorA, code, screening.id, { decision: 'confirm' })).statusCode).toBe(200);
      const res = await determine(supervisorA, code, screening.id, {
        decision: 'override',
        status: 'NotAVictimOfTrafficking',
        reason: 'Changed my mind',
      });
      expectProblem(res, 409, 'already_determined');
      await expectNoWrite(res, 'case.screening.determine');
      expect(await traffickingStatusOf(code)).toBe('ActualVictimOfTrafficking');
    });

    it('a supervisor overrides with a status and a reason, sealed and shown to the owning agency only', async () => {
      const { code } = await registerCase(t.app, workerA);
      const caseId = await caseIdOf(t.ctx, code);
      const screening = json<ScreeningDto>(
        await screen(workerA, code, { acts: ['Recruitment'], purposes: ['Servitude'], ageAtExploitation: 40 }),
      );
      expect(screening.suggestedStatus).toBe('PossibleVictimOfTrafficking');
      for (const body of [
        { decision: 'override', status: 'ActualVictimOfTrafficking' },
        { decision: 'override', reason: 'Police statement confirms coercion' },
        { decision: 'override', status: 'ActualVictimOfTrafficking', reason: 'ok' },
        { decision: 'maybe' },
        {},
      ]) {
        const bad = await determine(supervisorA, code, screening.id, body);
        expectProblem(bad, 400, 'validation_failed');
        await expectNoWrite(bad, 'case.screening.determine');
      }
      const reason = 'Police statement at Bondeni confirms coercion by the recruiter';
      const res = await determine(supervisorA, code, screening.id, {
        decision: 'override',
        status: 'ActualVictimOfTrafficking',
        reason,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ScreeningDto>(res).determination).toMatchObject({
        state: 'overridden',
        status: 'ActualVictimOfTrafficking',
        reason,
      });
      expect(await traffickingStatusOf(code)).toBe('ActualVictimOfTrafficking');
      const row = await t.ctx.db
        .selectFrom('screenings')
        .selectAll()
        .where('id', '=', screening.id)
        .executeTakeFirstOrThrow();
      expect(row.decision_reason_enc).not.toBeNull();
      expect(row.decision_reason_enc).not.toContain('Bondeni');
      expect(row.decision_agency_id).toBe(supervisorA.user.agencyId);

      const deidentified = json<Page>(await client(t.app, analyst).get(url(code)));
      expect(deidentified.items[0]?.determination).toMatchObject({ state: 'overridden', reason: null });
      await shareCase(t.ctx, caseId, {
        agencyId: await agencyIdOf(t.ctx, "Children's Services Office, Kisumu"),
        sections: ['screening'],
      });
      const referral = await client(t.app, workerB).get(url(code));
      expect(referral.statusCode, referral.body).toBe(200);
      expect(json<Page>(referral).items[0]?.determination).toMatchObject({ state: 'overridden', reason: null });
      expect(referral.body).not.toContain('Bondeni');
    });

    it('refuses a case worker (403, audited) and leaves the screening pending', async () => {
      const { code } = await registerCase(t.app, workerA);
      const screening = json<ScreeningDto>(await screen(workerA, code, adultAll));
      const res = await determine(workerA, code, screening.id, { decision: 'confirm' });
      expectProblem(res, 403);
      await expectDenied(t.ctx, res, workerA);
      const list = json<Page>(await client(t.app, workerA).get(url(code)));
      expect(list.items[0]?.determination.state).toBe('pending');
    });

    it('refuses anonymous callers (401) and hides the case from a supervisor of another agency (404, audited)', async () => {
      const { code } = await registerCase(t.app, workerA);
      const screening = json<ScreeningDto>(await screen(workerA, code, adultAll));
      expectProblem(await determine(null, code, screening.id, { decision: 'confirm' }), 401, 'unauthenticated');
      const agencyB = await agencyIdOf(t.ctx, "Children's Services Office, Kisumu");
      const other = await insertUser(t.ctx, { agencyId: agencyB, roles: ['case_supervisor'], isDemo: true });
      const supervisorB = await signIn(t.app, other.email, other.password);
      const res = await determine(supervisorB, code, screening.id, { decision: 'confirm' });
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, supervisorB, { entityType: 'case', entityId: await caseIdOf(t.ctx, code) });
      expect(await traffickingStatusOf(code)).toBe('ActualVictimOfTrafficking');
      expect(json<Page>(await client(t.app, workerA).get(url(code))).items[0]?.determination.state).toBe('pending');
    });

    it('answers 404 for a screening that is not one of this case', async () => {
      const a = await registerCase(t.app, workerA);
      const b = await registerCase(t.app, workerA);
      const screening = json<ScreeningDto>(await screen(workerA, a.code, adultAll));
      expectProblem(await determine(supervisorA, b.code, screening.id, { decision: 'confirm' }), 404, 'not_found');
      expectProblem(
        await determine(supervisorA, a.code, '0190a0b1-0000-7000-8000-000000000001', { decision: 'confirm' }),
        404,
        'not_found',
      );
      expectProblem(await determine(supervisorA, a.code, 'not-a-uuid', { decision: 'confirm' }), 400);
    });

    it('only the latest screening sets the case status', async () => {
      const { code } = await registerCase(t.app, workerA);
      const first = json<ScreeningDto>(await screen(workerA, code, { ageAtExploitation: 29 }));
      expect(await traffickingStatusOf(code)).toBe('NotAVictimOfTrafficking');
      const second = json<ScreeningDto>(await screen(workerA, code, adultAll));
      expect(await traffickingStatusOf(code)).toBe('ActualVictimOfTrafficking');
      // Deciding the older screening records the decision but leaves the case's status to the latest one.
      const older = await determine(supervisorA, code, first.id, {
        decision: 'override',
        status: 'PossibleVictimOfTrafficking',
        reason: 'Outdated; kept for the record',
      });
      expect(older.statusCode, older.body).toBe(200);
      expect(await traffickingStatusOf(code)).toBe('ActualVictimOfTrafficking');
      await determine(supervisorA, code, second.id, {
        decision: 'override',
        status: 'PossibleVictimOfTrafficking',
        reason: 'Recruiter not yet identified',
      });
      expect(await traffickingStatusOf(code)).toBe('PossibleVictimOfTrafficking');
      // A new screening starts over with its own suggestion until it is decided.
      await screen(workerA, code, { ageAtExploitation: 29 });
      expect(await traffickingStatusOf(code)).toBe('NotAVictimOfTrafficking');
      const list = json<Page>(await client(t.app, workerA).get(url(code)));
      expect(list.items.map((s) => s.determination.state)).toEqual(['pending', 'overridden', 'overridden']);
    });

    it('records the organisation type of the deciding agency (police → Police)', async () => {
      const policeAgency = police.user.agencyId;
      const policeSupervisor = await insertUser(t.ctx, {
        agencyId: policeAgency,
        roles: ['case_supervisor'],
        isDemo: true,
      });
      const supervisor = await signIn(t.app, policeSupervisor.email, policeSupervisor.password);
      const { code } = await registerCase(t.app, police);
      const screening = json<ScreeningDto>(await screen(police, code, adultAll));
      const res = await determine(supervisor, code, screening.id, { decision: 'confirm' });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ScreeningDto>(res).determination).toMatchObject({
        decisionOrg: 'Police',
        decisionAgencyName: 'Anti-Human Trafficking Police Unit (demo)',
      });
    });
  });

  describe('reading screenings', () => {
    let code: string;
    let caseId: string;
    const notes = 'Interviewed with a Kiswahili interpreter at Changamwe';
    beforeAll(async () => {
      code = (await registerCase(t.app, workerA)).code;
      caseId = await caseIdOf(t.ctx, code);
      await screen(workerA, code, { acts: ['Recruitment'], ageAtExploitation: 22, notes });
      await screen(workerA, code, { acts: ['Recruitment'], purposes: ['Servitude'], ageAtExploitation: 22, notes });
    });

    it('the owning agency reads every screening, newest first, with notes; the read is audited', async () => {
      const res = await client(t.app, workerA).get(url(code));
      expect(res.statusCode).toBe(200);
      const page = json<Page>(res);
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((s) => s.suggestedStatus)).toEqual([
        'PossibleVictimOfTrafficking',
        'PossibleVictimOfTrafficking',
      ]);
      expect(page.items.map((s) => s.purposes)).toEqual([['Servitude'], []]);
      expect(page.items.every((s) => s.notes === notes)).toBe(true);
      await expectAudit(t.ctx, res, { action: 'case.screening.list', entityType: 'case', entityId: caseId });
    });

    it('the de-identified view reads screenings without their notes (audited)', async () => {
      const res = await client(t.app, analyst).get(url(code));
      expect(res.statusCode).toBe(200);
      expect(json<Page>(res).items.every((s) => s.notes === null)).toBe(true);
      expect(res.body).not.toContain('Changamwe');
      await expectAudit(t.ctx, res, { action: 'case.screening.list', actorId: analyst.user.id });
    });

    it('a referral view reads them only when the consent shares the screening, never the notes', async () => {
      const other = await registerCase(t.app, workerA);
      const otherId = await caseIdOf(t.ctx, other.code);
      await screen(workerA, other.code, { acts: ['Recruitment'], ageAtExploitation: 22, notes });
      const agencyB = await agencyIdOf(t.ctx, "Children's Services Office, Kisumu");
      await shareCase(t.ctx, otherId, { agencyId: agencyB, sections: ['identity', 'services'] });
      const refusedRes = await client(t.app, workerB).get(url(other.code));
      expectProblem(refusedRes, 403, 'screening_not_visible');
      await expectDenied(t.ctx, refusedRes, workerB, { entityId: otherId });
      await t.ctx.db
        .updateTable('consents')
        .set({ sections: JSON.stringify(['screening']) })
        .where('case_id', '=', otherId)
        .execute();
      const res = await client(t.app, workerB).get(url(other.code));
      expect(res.statusCode, res.body).toBe(200);
      expect(json<Page>(res).items).toHaveLength(1);
      expect(res.body).not.toContain('Changamwe');
    });

    it('refuses anonymous callers (401) and another agency (404, audited)', async () => {
      expectProblem(await client(t.app, null).get(url(code)), 401, 'unauthenticated');
      const res = await client(t.app, workerB).get(url(code));
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, workerB, { entityType: 'case', entityId: caseId });
    });
  });
});
