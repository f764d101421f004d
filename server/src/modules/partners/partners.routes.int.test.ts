import type { PartnerDto, PartnerMatrixDto, PartnerProfileInput } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from '../../../test/factories.ts';
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
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { insertElementRow, insertPlanRow, insertVersionRow } from '../meetings/plan-rows.fixtures.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';
type Page<T> = { items: T[]; nextCursor: string | null };

const profile = (extra: Partial<PartnerProfileInput> = {}): PartnerProfileInput => ({
  mandate: 'Labour migration policy and the protection of Kenyan workers abroad.',
  focalPersons: [
    {
      name: 'Wanjiku Kamau Njoroge',
      title: 'Director, Labour Migration',
      email: 'W.Kamau@Labour.example',
      phone: '+254 722 000 111',
    },
  ],
  presence: [
    { area: 'safe_migration', national: true, countyCodes: [] },
    { area: 'awareness', national: false, countyCodes: [1, 3, 47] },
  ],
  ...extra,
});

describeIntegration('partners', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let worker: Session;
  let admin: Session;
  let labour: string;
  const as = (s: Session | null) => client(t.app, s);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal, worker, admin] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.admin),
    ]);
    labour = focal.user.agencyId;
  });
  afterAll(() => t?.close());

  const presenceRows = (agencyId: string) =>
    t.ctx.db
      .selectFrom('partner_presence')
      .select(['area', 'county_code'])
      .where('agency_id', '=', agencyId)
      .orderBy('area')
      .orderBy('county_code')
      .execute();

  describe('PUT /api/v1/partners/{agencyId}', () => {
    it('the secretariat sets a whole profile, memberships included; audited without personal data', async () => {
      const agency = await insertAgency(t.ctx, { name: 'Coast Shelter Network (test)' });
      const res = await as(secretariat).put(
        `/api/v1/partners/${agency.id}`,
        profile({
          memberships: [
            { body: 'task_force', role: 'member', since: '2025-01-15' },
            { body: 'steering_committee', role: 'observer' },
          ],
        }),
      );
      expect(res.statusCode, res.body).toBe(200);
      const partner = json<PartnerDto>(res);
      expect(partner).toMatchObject({
        agencyId: agency.id,
        agencyName: agency.name,
        focalPersons: [{ name: 'Wanjiku Kamau Njoroge', email: 'w.kamau@labour.example', phone: '+254 722 000 111' }],
        memberships: [
          { body: 'steering_committee', role: 'observer', since: null },
          { body: 'task_force', role: 'member', since: '2025-01-15' },
        ],
        presence: [
          { area: 'awareness', national: false, countyCodes: [1, 3, 47] },
          { area: 'safe_migration', national: true, countyCodes: [] },
        ],
      });
      expect(partner.mandate).toContain('Labour migration');
      const row = await expectAudit(t.ctx, res, {
        action: 'partner.update',
        actorId: secretariat.user.id,
        entityType: 'agency',
        entityId: agency.id,
      });
      expect(JSON.stringify(row)).not.toMatch(/Wanjiku|labour\.example|722/i);
      expect(await presenceRows(agency.id)).toEqual([
        { area: 'awareness', county_code: 1 },
        { area: 'awareness', county_code: 3 },
        { area: 'awareness', county_code: 47 },
        { area: 'safe_migration', county_code: 0 },
      ]);

      // Replacing: lists are replaced, memberships left out stay.
      const again = await as(secretariat).put(
        `/api/v1/partners/${agency.id}`,
        profile({
          mandate: null,
          focalPersons: [],
          presence: [{ area: 'shelter', national: false, countyCodes: [2] }],
        }),
      );
      expect(json<PartnerDto>(again)).toMatchObject({
        mandate: null,
        focalPersons: [],
        presence: [{ area: 'shelter', national: false, countyCodes: [2] }],
      });
      expect(json<PartnerDto>(again).memberships).toHaveLength(2);
      const cleared = await as(secretariat).put(`/api/v1/partners/${agency.id}`, profile({ memberships: [] }));
      expect(json<PartnerDto>(cleared).memberships).toEqual([]);
    });

    it('a focal point edits the own agency without memberships', async () => {
      const res = await as(focal).put(`/api/v1/partners/${labour}`, profile());
      expect(res.statusCode, res.body).toBe(200);
      expect(json<PartnerDto>(res).presence.map((p) => p.area)).toEqual(['awareness', 'safe_migration']);
      await expectAudit(t.ctx, res, { action: 'partner.update', actorId: focal.user.id, entityId: labour });
    });

    it('a focal point sending memberships gets 403 memberships_by_secretariat and nothing changes', async () => {
      await as(secretariat).put(
        `/api/v1/partners/${labour}`,
        profile({ memberships: [{ body: 'task_force', role: 'member', since: null }] }),
      );
      const res = await as(focal).put(
        `/api/v1/partners/${labour}`,
        profile({ mandate: 'Changed', memberships: [{ body: 'task_force', role: 'chair', since: null }] }),
      );
      expectProblem(res, 403, 'memberships_by_secretariat');
      await expectDenied(t.ctx, res, focal, { entityType: 'agency', entityId: labour });
      const after = json<PartnerDto>(await as(focal).get(`/api/v1/partners/${labour}`));
      expect(after.mandate).not.toBe('Changed');
      expect(after.memberships).toEqual([{ body: 'task_force', role: 'member', since: null }]);
    });

    it('a focal point of another agency gets 404, audited as denied', async () => {
      const other = await insertAgency(t.ctx);
      const res = await as(focal).put(`/api/v1/partners/${other.id}`, profile());
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityType: 'agency', entityId: other.id });
      expect(await presenceRows(other.id)).toEqual([]);
    });

    it('roles without partner:manage get 403; anonymous 401; unknown agency 404; unknown county 400', async () => {
      for (const who of [worker, admin]) {
        const res = await as(who).put(`/api/v1/partners/${labour}`, profile());
        expectProblem(res, 403, 'forbidden');
        await expectDenied(t.ctx, res, who, { action: 'access.partner:manage' });
      }
      expectProblem(await as(null).put(`/api/v1/partners/${labour}`, profile()), 401, 'unauthenticated');
      expectProblem(await as(secretariat).put(`/api/v1/partners/${UNKNOWN_ID}`, profile()), 404, 'not_found');
      const res = await as(secretariat).put(
        `/api/v1/partners/${labour}`,
        profile({ presence: [{ area: 'shelter', national: false, countyCodes: [12, 48] }] }),
      );
      const problem = expectProblem(res, 400, 'validation_failed');
      expect(problem.issues).toEqual([
        expect.objectContaining({ path: 'body.presence.0.countyCodes.1', code: 'unknown_county' }),
      ]);
      expect(await auditOfResponse(t.ctx, res)).toEqual([]);
      expectProblem(
        await as(secretariat).put(`/api/v1/partners/${labour}`, {
          ...profile(),
          presence: [
            { area: 'shelter', national: true, countyCodes: [] },
            { area: 'shelter', national: false, countyCodes: [1] },
          ],
        }),
        400,
        'validation_failed',
      );
    });
  });

  describe('GET /api/v1/partners and /api/v1/partners/{agencyId}', () => {
    it('every role reads a profile; audited; unknown 404; anonymous 401', async () => {
      await as(secretariat).put(`/api/v1/partners/${labour}`, profile());
      for (const who of [worker, admin, focal]) {
        const res = await as(who).get(`/api/v1/partners/${labour}`);
        expect(res.statusCode).toBe(200);
        expect(json<PartnerDto>(res)).toMatchObject({ agencyId: labour, focalPersons: [expect.any(Object)] });
        await expectAudit(t.ctx, res, { action: 'partner.read', actorId: who.user.id, entityId: labour });
      }
      expectProblem(await as(worker).get(`/api/v1/partners/${UNKNOWN_ID}`), 404, 'not_found');
      expectProblem(await as(worker).get('/api/v1/partners/not-an-id'), 400, 'validation_failed');
      expectProblem(await as(null).get(`/api/v1/partners/${labour}`), 401);
    });

    it('lists agencies by name, filtered by words, body, area and county (national counts everywhere)', async () => {
      const a = await insertAgency(t.ctx, { name: 'Zuri Outreach Alpha (partners test)' });
      const b = await insertAgency(t.ctx, { name: 'Zuri Outreach Bravo (partners test)' });
      const c = await insertAgency(t.ctx, { name: 'Zuri Outreach Charlie (partners test)' });
      await as(secretariat).put(
        `/api/v1/partners/${a.id}`,
        profile({
          presence: [{ area: 'shelter', national: false, countyCodes: [1] }],
          memberships: [{ body: 'task_force', role: 'member', since: null }],
        }),
      );
      await as(secretariat).put(
        `/api/v1/partners/${b.id}`,
        profile({ presence: [{ area: 'shelter', national: true, countyCodes: [] }] }),
      );
      await as(secretariat).put(
        `/api/v1/partners/${c.id}`,
        profile({ presence: [{ area: 'legal_aid', national: false, countyCodes: [42] }] }),
      );
      const list = async (query: Record<string, string>) => {
        const res = await as(worker).get('/api/v1/partners', { query: { q: 'zuri outreach', ...query } });
        expect(res.statusCode, res.body).toBe(200);
        return json<Page<PartnerDto>>(res);
      };
      const all = await list({});
      expect(all.items.map((p) => p.agencyId)).toEqual([a.id, b.id, c.id]);
      expect((await list({ body: 'task_force' })).items.map((p) => p.agencyId)).toEqual([a.id]);
      expect((await list({ area: 'shelter' })).items.map((p) => p.agencyId)).toEqual([a.id, b.id]);
      expect((await list({ countyCode: '42' })).items.map((p) => p.agencyId)).toEqual([b.id, c.id]);
      expect((await list({ area: 'shelter', countyCode: '42' })).items.map((p) => p.agencyId)).toEqual([b.id]);
      const first = await list({ limit: '2' });
      const second = await list({ limit: '2', cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((p) => p.agencyId)).toEqual([a.id, b.id, c.id]);
      expect(second.nextCursor).toBeNull();

      const res = await as(worker).get('/api/v1/partners');
      await expectAudit(t.ctx, res, { action: 'partner.list', actorId: worker.user.id });
      expectProblem(await as(null).get('/api/v1/partners'), 401);
    });
  });

  describe('GET /api/v1/partners/matrix', () => {
    it('joins declared presence with the activities of adopted versions; counts partners per county', async () => {
      const shelter = await insertAgency(t.ctx, { name: 'Aaa Matrix Shelter (test)' });
      const lead = await insertAgency(t.ctx, { name: 'Aaa Matrix Lead (test)' });
      const supporter = await insertAgency(t.ctx, { name: 'Aaa Matrix Supporter (test)' });
      const dormant = await insertAgency(t.ctx, { name: 'Aaa Matrix Dormant (test)', status: 'inactive' });
      await as(secretariat).put(
        `/api/v1/partners/${shelter.id}`,
        profile({ focalPersons: [], presence: [{ area: 'shelter', national: false, countyCodes: [1, 3] }] }),
      );
      await as(secretariat).put(
        `/api/v1/partners/${dormant.id}`,
        profile({ focalPersons: [], presence: [{ area: 'shelter', national: true, countyCodes: [] }] }),
      );

      const planId = await insertPlanRow(t.ctx, secretariat.user.id);
      const adopted = await insertVersionRow(t.ctx, planId, secretariat.user.id, { status: 'adopted' });
      const draft = await insertVersionRow(t.ctx, planId, secretariat.user.id, { number: 2, status: 'draft' });
      for (const versionId of [adopted, draft]) {
        const pillar = await insertElementRow(t.ctx, versionId, {
          kind: 'pillar',
          title: 'Prevention',
          pillar: 'prevention',
        });
        const objective = await insertElementRow(t.ctx, versionId, {
          kind: 'objective',
          title: 'Awareness',
          parentKey: pillar,
        });
        await insertElementRow(t.ctx, versionId, {
          kind: 'activity',
          title: versionId === draft ? 'Draft-only radio campaign' : 'Radio campaign in border counties',
          parentKey: objective,
          area: versionId === draft ? 'research' : 'awareness',
          leadAgencyId: lead.id,
          supportingAgencyIds: [supporter.id, dormant.id],
          countyCodes: [40, 42],
        });
        await insertElementRow(t.ctx, versionId, {
          kind: 'activity',
          title: 'Without an area',
          parentKey: objective,
          leadAgencyId: shelter.id,
          countyCodes: [47],
        });
      }

      expectProblem(await as(null).get('/api/v1/partners/matrix'), 401);
      const res = await as(worker).get('/api/v1/partners/matrix');
      expect(res.statusCode, res.body).toBe(200);
      const matrix = json<PartnerMatrixDto>(res);
      expect(matrix.areas).toHaveLength(15);
      const mine = matrix.rows.filter((r) => r.agencyName.startsWith('Aaa Matrix'));
      expect(mine).toEqual([
        {
          agencyId: lead.id,
          agencyName: lead.name,
          cells: [{ area: 'awareness', national: false, countyCodes: [40, 42], fromPlan: true }],
        },
        {
          agencyId: shelter.id,
          agencyName: shelter.name,
          cells: [{ area: 'shelter', national: false, countyCodes: [1, 3], fromPlan: false }],
        },
        {
          agencyId: supporter.id,
          agencyName: supporter.name,
          cells: [{ area: 'awareness', national: false, countyCodes: [40, 42], fromPlan: true }],
        },
      ]);
      expect(matrix.countyPartners).toHaveLength(47);
      expect(matrix.countyPartners.map((c) => c.countyCode)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));

      // The counts match the rows: the agencies whose cells cover the county.
      const expected = (county: number) =>
        matrix.rows.filter((r) => r.cells.some((c) => c.national || c.countyCodes.includes(county))).length;
      for (const { countyCode, partners } of matrix.countyPartners) expect(partners).toBe(expected(countyCode));
      const count = (code: number) => matrix.countyPartners.find((c) => c.countyCode === code)?.partners ?? -1;
      expect(count(42) - count(2)).toBeGreaterThanOrEqual(2);

      const awareness = json<PartnerMatrixDto>(
        await as(worker).get('/api/v1/partners/matrix', { query: { area: 'awareness' } }),
      );
      expect(awareness.areas).toEqual(['awareness']);
      expect(awareness.rows.map((r) => r.agencyId)).not.toContain(shelter.id);
      const kisumu = json<PartnerMatrixDto>(
        await as(worker).get('/api/v1/partners/matrix', { query: { countyCode: '42' } }),
      );
      expect(kisumu.rows.map((r) => r.agencyId)).toEqual(expect.arrayContaining([lead.id, supporter.id]));
      expect(kisumu.rows.map((r) => r.agencyId)).not.toContain(shelter.id);
      expect(kisumu.countyPartners).toEqual(matrix.countyPartners);
      expectProblem(
        await as(worker).get('/api/v1/partners/matrix', { query: { area: 'juggling' } }),
        400,
        'validation_failed',
      );
    });
  });
});
