import type { CaseDto, CaseListItemDto, RevealedIdentityDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput, registerCase } from '../../../test/case-factories.ts';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  lastAudit,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

describeIntegration('cases', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let secretariat: Session;
  let admin: Session;
  let police: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst, secretariat, admin, police] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.police),
    ]);
  });
  afterAll(() => t?.close());

  describe('intake', () => {
    it('creates a draft with a pseudonymous code, assigned to its author, and audits it', async () => {
      const res = await client(t.app, workerA).post('/api/v1/cases', { profile: { gender: 'Feminine' } });
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<CaseDto>(res);
      expect(dto.code).toMatch(/^KE-\d{4}-\d{6}$/);
      expect(dto).toMatchObject({ draft: true, status: 'Active', ownerId: workerA.user.id, view: 'full' });
      await expectAudit(t.ctx, res, { action: 'case.create', entityType: 'case' });
    });

    it('refuses to register a draft that lacks what registration needs, naming each field', async () => {
      const draft = await registerCase(t.app, workerA, { profile: { gender: 'Feminine' } }, { draft: true });
      const res = await client(t.app, workerA).post(`/api/v1/cases/${draft.code}/submit`);
      const problem = expectProblem(res, 400, 'validation_failed');
      expect(problem.issues?.map((i) => i.path).sort()).toEqual(
        ['countyCode', 'profile.citizenships', 'profile.estimatedAge', 'victim.exploitationTypes'].sort(),
      );
    });

    it('resumes a draft: a change keeps the other fields and registration then succeeds', async () => {
      const input = buildCaseInput();
      const draft = await registerCase(
        t.app,
        workerA,
        { identity: input.identity, profile: input.profile },
        { draft: true },
      );
      const patched = await client(t.app, workerA).patch(`/api/v1/cases/${draft.code}`, {
        victim: input.victim,
        countyCode: 1,
        events: input.events,
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const submitted = await client(t.app, workerA).post(`/api/v1/cases/${draft.code}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      const dto = json<CaseDto>(submitted);
      expect(dto).toMatchObject({ draft: false, ageBand: '27-29', countyCode: 1, exploitationTypes: ['ForcedLabour'] });
      expect(dto.events?.map((e) => e.place)).toEqual(['Eastleigh', 'Riyadh']);
      const revealed = json<RevealedIdentityDto>(
        await client(t.app, workerA).post(`/api/v1/cases/${draft.code}/identity`),
      );
      expect(revealed.identity?.firstName).toBe(input.identity?.firstName);
    });

    it('rejects a county outside the configured country and changes nothing', async () => {
      const res = await client(t.app, workerA).post('/api/v1/cases', {
        events: [{ type: 'Transit', country: 'UG', countyCode: 5, place: null, date: null }],
      });
      expectProblem(res, 400, 'validation_failed');
    });
  });

  describe('access', () => {
    let code: string;
    beforeAll(async () => {
      code = (await registerCase(t.app, workerA)).code;
    });

    it('case worker A reads the case, audited as a read', async () => {
      const res = await client(t.app, workerA).get(`/api/v1/cases/${code}`);
      expect(res.statusCode).toBe(200);
      expect(json<CaseDto>(res)).toMatchObject({ view: 'full', canRevealIdentity: true, canEdit: true });
      await expectAudit(t.ctx, res, { action: 'case.read', outcome: 'success' });
    });

    it("case worker B gets 404 on agency A's case, audited as denied", async () => {
      const res = await client(t.app, workerB).get(`/api/v1/cases/${code}`);
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, workerB);
      expectProblem(await client(t.app, workerB).post(`/api/v1/cases/${code}/identity`), 404);
      expectProblem(await client(t.app, workerB).patch(`/api/v1/cases/${code}`, { countyCode: 2 }), 404);
    });

    it('analyst and secretariat see the case de-identified and cannot reveal it', async () => {
      for (const who of [analyst, secretariat]) {
        const res = await client(t.app, who).get(`/api/v1/cases/${code}`);
        expect(res.statusCode).toBe(200);
        const dto = json<CaseDto>(res);
        expect(dto.view).toBe('deidentified');
        expect(dto.canRevealIdentity).toBe(false);
        expect(dto.events?.every((e) => e.place === null)).toBe(true);
        expect(res.body).not.toContain('Otieno');
        expect(res.body).not.toContain('Eastleigh');
        expectProblem(await client(t.app, who).post(`/api/v1/cases/${code}/identity`), 403);
        expectProblem(await client(t.app, who).patch(`/api/v1/cases/${code}`, { countyCode: 2 }), 403);
      }
    });

    it('the administrator has no case access (403)', async () => {
      expectProblem(await client(t.app, admin).get(`/api/v1/cases/${code}`), 403);
      expectProblem(await client(t.app, admin).get('/api/v1/cases'), 403);
    });

    it('anonymous callers get 401', async () => {
      expectProblem(await client(t.app, null).get(`/api/v1/cases/${code}`), 401);
    });

    it('another agency (police) does not find the case in its list', async () => {
      const res = await client(t.app, police).get('/api/v1/cases', { query: { q: code } });
      expect(json<{ items: CaseListItemDto[] }>(res).items).toEqual([]);
    });
  });

  describe('finding cases', () => {
    it('finds a case by exact phone number in any written form, without the value in the URL or audit', async () => {
      const input = buildCaseInput({ contact: { phone: '0722 000 111', email: null, address: null } });
      const dto = await registerCase(t.app, workerA, input);
      const res = await client(t.app, workerA).post('/api/v1/cases/search', { field: 'phone', value: '+254722000111' });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<{ items: CaseListItemDto[] }>(res).items.map((i) => i.code)).toEqual([dto.code]);
      const audit = await lastAudit(t.ctx, { action: 'case.search' });
      // Not the number in any written form (hashes and ids are hex, so a short fragment could occur by chance).
      for (const form of ['0722 000 111', '0722000111', '254722000111'])
        expect(JSON.stringify(audit)).not.toContain(form);
      const other = await client(t.app, workerB).post('/api/v1/cases/search', { field: 'phone', value: '0722000111' });
      expect(json<{ items: CaseListItemDto[] }>(other).items).toEqual([]);
    });

    it('reports a duplicate in the own agency with its code, and elsewhere only that it exists', async () => {
      const input = buildCaseInput();
      const dto = await registerCase(t.app, workerA, input);
      const probe = {
        firstName: input.identity?.firstName?.toUpperCase(),
        lastName: ' otieno ',
        birthDate: input.identity?.birthDate,
        gender: 'Feminine',
        citizenship: 'KE',
      };
      const own = json<{ matches: { code: string }[]; matchElsewhere: boolean }>(
        await client(t.app, workerA).post('/api/v1/cases/duplicates', probe),
      );
      expect(own.matches.map((m) => m.code)).toContain(dto.code);
      const elsewhere = await client(t.app, workerB).post('/api/v1/cases/duplicates', probe);
      expect(json(elsewhere)).toEqual({ matches: [], matchElsewhere: true });
      expect(elsewhere.body).not.toContain(dto.code);
    });

    it('filters and pages the list in order', async () => {
      const page1 = json<{ items: CaseListItemDto[]; nextCursor: string | null }>(
        await client(t.app, workerA).get('/api/v1/cases', {
          query: { limit: '2', draft: 'false', sort: 'code', order: 'asc' },
        }),
      );
      expect(page1.items).toHaveLength(2);
      const page2 = json<{ items: CaseListItemDto[] }>(
        await client(t.app, workerA).get('/api/v1/cases', {
          query: { limit: '2', draft: 'false', sort: 'code', order: 'asc', cursor: page1.nextCursor ?? '' },
        }),
      );
      const codes = [...page1.items, ...page2.items].map((i) => i.code);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
      // A case without a follow-up date is not overdue: it belongs in the "not overdue" list.
      const { code } = await registerCase(t.app, workerA);
      const notOverdue = json<{ items: CaseListItemDto[] }>(
        await client(t.app, workerA).get('/api/v1/cases', { query: { followUpOverdue: 'false', q: code } }),
      );
      expect(notOverdue.items.map((i) => i.code)).toEqual([code]);
      const forced = json<{ items: CaseListItemDto[] }>(
        await client(t.app, workerA).get('/api/v1/cases', { query: { exploitationType: 'SexualExploitation' } }),
      );
      expect(forced.items.every((i) => i.exploitationTypes.includes('SexualExploitation'))).toBe(true);
    });
  });

  describe('lifecycle', () => {
    it('a worker requests closure, a supervisor approves, the case is read-only until reopened', async () => {
      const { code } = await registerCase(t.app, workerA);
      const asked = await client(t.app, workerA).post(`/api/v1/cases/${code}/closure`, {
        status: 'Closed',
        reason: 'Reintegrated with family',
      });
      expect(asked.statusCode, asked.body).toBe(200);
      expectProblem(await client(t.app, workerA).post(`/api/v1/cases/${code}/closure/approve`), 403);
      const approved = await client(t.app, supervisorA).post(`/api/v1/cases/${code}/closure/approve`);
      expect(json<CaseDto>(approved)).toMatchObject({ status: 'Closed', canEdit: false });
      expectProblem(await client(t.app, workerA).patch(`/api/v1/cases/${code}`, { countyCode: 3 }), 409, 'case_closed');
      const reopened = await client(t.app, workerA).post(`/api/v1/cases/${code}/reopen`, {
        reason: 'New risk reported',
      });
      expect(json<CaseDto>(reopened)).toMatchObject({ status: 'Active', canEdit: true, closure: null });
      const history = json<{ items: { action: string }[] }>(
        await client(t.app, workerA).get(`/api/v1/cases/${code}/history`),
      );
      expect(history.items.map((i) => i.action)).toEqual(
        expect.arrayContaining(['case.create', 'case.submit', 'case.closure.request', 'case.close', 'case.reopen']),
      );
    });

    it('shows a screening suggestion as awaiting a supervisor until it is confirmed', async () => {
      const { code } = await registerCase(t.app, workerA);
      expect(json<CaseDto>(await client(t.app, workerA).get(`/api/v1/cases/${code}`)).determination).toBeNull();
      const screened = await client(t.app, workerA).post(`/api/v1/cases/${code}/screenings`, {
        acts: ['Recruitment'],
        means: ['Deception'],
        purposes: ['ForcedLabourOrServices'],
        iloIndicators: [],
        ageAtExploitation: 24,
      });
      expect(screened.statusCode, screened.body).toBe(201);
      const pending = json<CaseDto>(await client(t.app, workerA).get(`/api/v1/cases/${code}`));
      expect(pending).toMatchObject({ traffickingStatus: 'ActualVictimOfTrafficking', determination: 'pending' });
      const { id } = json<{ id: string }>(screened);
      await client(t.app, supervisorA).post(`/api/v1/cases/${code}/screenings/${id}/determination`, {
        decision: 'confirm',
      });
      expect(json<CaseDto>(await client(t.app, workerA).get(`/api/v1/cases/${code}`)).determination).toBe('confirmed');
    });

    it('only a supervisor assigns a case to someone else', async () => {
      const { code } = await registerCase(t.app, workerA);
      expectProblem(
        await client(t.app, workerA).put(`/api/v1/cases/${code}/assignment`, { ownerId: supervisorA.user.id }),
        403,
      );
      const res = await client(t.app, supervisorA).put(`/api/v1/cases/${code}/assignment`, {
        ownerId: workerA.user.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      expectProblem(
        await client(t.app, supervisorA).put(`/api/v1/cases/${code}/assignment`, { ownerId: workerB.user.id }),
        400,
      );
    });
  });

  describe('export', () => {
    it('exports CSV with the columns of the role, neutralised and audited', async () => {
      const res = await client(t.app, workerA).get('/api/v1/cases/export', { query: { format: 'csv' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kinga-cases-.*\.csv"$/);
      expect(res.body).toContain('owner');
      expect(res.body).not.toContain('Otieno');
      await expectAudit(t.ctx, res, { action: 'case.export.csv' });
      const deid = await client(t.app, analyst).get('/api/v1/cases/export', { query: { format: 'xlsx' } });
      expect(deid.statusCode).toBe(200);
      expect(deid.headers['content-type']).toContain('spreadsheetml');
      expectProblem(await client(t.app, police).get('/api/v1/cases/export', { query: { format: 'csv' } }), 403);
    });
  });
});
