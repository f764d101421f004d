import type { AgencyDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, insertAgency, insertUser } from '../../../test/factories.ts';
import {
  DEMO,
  client,
  countRows,
  createTestApp,
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

type Page = { items: AgencyDto[]; nextCursor: string | null };

describeIntegration('agency routes', () => {
  let t: TestApp;
  let admin: Session;
  let focal: Session;
  let secretariat: Session;
  let caseworker: Session;
  const as = (s: Session | null) => client(t.app, s);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [admin, focal, secretariat, caseworker] = await Promise.all([
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.caseworkerA),
    ]);
  });
  afterAll(() => t?.close());

  // ---- POST /api/v1/agencies ----

  it('an administrator creates an agency: 201, the record, and an agency.create audit row', async () => {
    const input = buildAgency({ name: 'Malindi Anti-Trafficking Network', type: 'NGO', countyCode: 3 });
    const res = await as(admin).post('/api/v1/agencies', input);
    expect(res.statusCode).toBe(201);
    const agency = json<AgencyDto>(res);
    expect(agency).toMatchObject({
      name: input.name,
      type: 'NGO',
      countyCode: 3,
      status: 'active',
      contactEmail: input.contactEmail,
    });
    await expectAudit(t.ctx, res, {
      action: 'agency.create',
      outcome: 'success',
      actorId: admin.user.id,
      entityType: 'agency',
      entityId: agency.id,
    });
    const read = await as(caseworker).get(`/api/v1/agencies/${agency.id}`);
    expect(json<AgencyDto>(read).name).toBe(input.name);
  });

  it.each([
    ['focal point', () => focal],
    ['secretariat', () => secretariat],
    ['case worker', () => caseworker],
  ])('a %s may not create an agency: 403, denied in the audit trail, nothing written', async (_role, who) => {
    const before = await countRows(t.ctx, 'agencies');
    const res = await as(who()).post('/api/v1/agencies', buildAgency());
    expectProblem(res, 403, 'forbidden');
    await expectDenied(t.ctx, res, who(), { action: 'access.agency:manage' });
    expect(await countRows(t.ctx, 'agencies')).toBe(before);
  });

  it('a duplicate name answers 409, whatever its case, and writes nothing', async () => {
    const before = await countRows(t.ctx, 'agencies');
    const res = await as(admin).post('/api/v1/agencies', buildAgency({ name: 'TUMAINI SAFE HOUSE' }));
    expectProblem(res, 409, 'agency_name_taken');
    expect(await countRows(t.ctx, 'agencies')).toBe(before);
    expect(
      await lastAudit(t.ctx, { requestId: String(res.headers['x-request-id']), action: 'agency.create' }),
    ).toBeUndefined();
  });

  it('concurrent creations of one name: one 201, the others 409, never a 500', async () => {
    const input = buildAgency();
    const answers = await Promise.all(Array.from({ length: 6 }, () => as(admin).post('/api/v1/agencies', input)));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('an invalid body answers 400 with the issues and writes nothing', async () => {
    const before = { agencies: await countRows(t.ctx, 'agencies'), audit: await countRows(t.ctx, 'audit_events') };
    const res = await as(admin).post('/api/v1/agencies', {
      name: '   ',
      type: 'Cartel',
      contactEmail: 'not-an-email',
      contactPhone: 'call me',
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    const paths = (problem.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.type', 'body.contactEmail', 'body.contactPhone']));
    expect(await countRows(t.ctx, 'agencies')).toBe(before.agencies);
    expect(await countRows(t.ctx, 'audit_events')).toBe(before.audit);
  });

  it('a county the country does not have answers 400 unknown_county', async () => {
    const before = await countRows(t.ctx, 'agencies');
    const problem = expectProblem(
      await as(admin).post('/api/v1/agencies', buildAgency({ countyCode: 48 })),
      400,
      'validation_failed',
    );
    expect(problem.issues).toEqual([expect.objectContaining({ path: 'body.countyCode', code: 'unknown_county' })]);
    expect(await countRows(t.ctx, 'agencies')).toBe(before);
  });

  it('a state-changing request without the right X-CSRF-Token answers 403 csrf_failed, is audited as denied, and changes nothing', async () => {
    const before = await countRows(t.ctx, 'agencies');
    const res = await as(admin).post('/api/v1/agencies', buildAgency(), { withoutCsrf: true });
    expectProblem(res, 403, 'csrf_failed');
    await expectDenied(t.ctx, res, admin);
    const wrong = await as({ ...admin, csrfToken: focal.csrfToken }).post('/api/v1/agencies', buildAgency());
    expectProblem(wrong, 403, 'csrf_failed');
    await expectDenied(t.ctx, wrong, admin);
    expect(await countRows(t.ctx, 'agencies')).toBe(before);
  });

  // ---- GET /api/v1/agencies/:id ----

  it('every signed-in role reads an agency', async () => {
    const agency = await insertAgency(t.ctx);
    for (const who of [admin, focal, secretariat, caseworker]) {
      const res = await as(who).get(`/api/v1/agencies/${agency.id}`);
      expect(res.statusCode).toBe(200);
      expect(json<AgencyDto>(res)).toMatchObject({ id: agency.id, name: agency.name });
    }
  });

  it('an unknown agency answers 404; a malformed id answers 400', async () => {
    expectProblem(await as(caseworker).get('/api/v1/agencies/0190a0b1-0000-7000-8000-0000000000ff'), 404, 'not_found');
    expectProblem(await as(caseworker).get('/api/v1/agencies/42'), 400, 'validation_failed');
  });

  // ---- PATCH /api/v1/agencies/:id ----

  it('an administrator changes an agency: 200 and an agency.update audit row', async () => {
    const agency = await insertAgency(t.ctx);
    const res = await as(admin).patch(`/api/v1/agencies/${agency.id}`, {
      contactPhone: '+254 722 000 111',
      address: 'Oginga Odinga Street, Kisumu',
    });
    expect(res.statusCode).toBe(200);
    expect(json<AgencyDto>(res)).toMatchObject({
      id: agency.id,
      contactPhone: '+254 722 000 111',
      address: 'Oginga Odinga Street, Kisumu',
    });
    await expectAudit(t.ctx, res, {
      action: 'agency.update',
      outcome: 'success',
      actorId: admin.user.id,
      entityId: agency.id,
    });
    const reread = json<AgencyDto>(await as(caseworker).get(`/api/v1/agencies/${agency.id}`));
    expect(reread.contactPhone).toBe('+254 722 000 111');
  });

  it('a focal point may not change an agency, not even its own: 403, denied, unchanged', async () => {
    const own = focal.user.agencyId;
    const res = await as(focal).patch(`/api/v1/agencies/${own}`, { name: 'Renamed by focal point' });
    expectProblem(res, 403, 'forbidden');
    await expectDenied(t.ctx, res, focal, { action: 'access.agency:manage' });
    expect(json<AgencyDto>(await as(focal).get(`/api/v1/agencies/${own}`)).name).toBe(
      'State Department for Labour (demo)',
    );
  });

  it('renaming to another agency’s name answers 409 and changes nothing', async () => {
    const agency = await insertAgency(t.ctx);
    expectProblem(
      await as(admin).patch(`/api/v1/agencies/${agency.id}`, { name: 'national trafficking helpline (demo)' }),
      409,
      'agency_name_taken',
    );
    expect(json<AgencyDto>(await as(admin).get(`/api/v1/agencies/${agency.id}`)).name).toBe(agency.name);
  });

  it('an empty change or an unknown agency is refused', async () => {
    const agency = await insertAgency(t.ctx);
    expectProblem(await as(admin).patch(`/api/v1/agencies/${agency.id}`, {}), 400, 'validation_failed');
    expectProblem(
      await as(admin).patch('/api/v1/agencies/0190a0b1-0000-7000-8000-0000000000ff', { name: 'Nobody' }),
      404,
      'not_found',
    );
  });

  it('an administrator cannot deactivate the own agency (it would lock every administrator out): 409', async () => {
    const res = await as(admin).patch(`/api/v1/agencies/${admin.user.agencyId}`, { status: 'inactive' });
    expectProblem(res, 409, 'own_agency');
    expect((await as(admin).get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('deactivating an agency ends its staff’s sessions and blocks their sign-in; reactivating restores it', async () => {
    const agency = await insertAgency(t.ctx);
    const staff = await insertUser(t.ctx, { agencyId: agency.id, roles: ['analyst'] });
    const session = await signIn(t.app, staff.email, staff.password);
    expect((await as(session).get('/api/v1/auth/session')).statusCode).toBe(200);

    const res = await as(admin).patch(`/api/v1/agencies/${agency.id}`, { status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(json<AgencyDto>(res).status).toBe('inactive');
    await expectAudit(t.ctx, res, { action: 'agency.deactivate', entityId: agency.id, actorId: admin.user.id });

    expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
    expectProblem(
      await as(null).post('/api/v1/auth/login', { email: staff.email, password: staff.password }),
      401,
      'invalid_credentials',
    );

    const back = await as(admin).patch(`/api/v1/agencies/${agency.id}`, { status: 'active' });
    await expectAudit(t.ctx, back, { action: 'agency.activate', entityId: agency.id });
    expect(
      (await as(null).post('/api/v1/auth/login', { email: staff.email, password: staff.password })).statusCode,
    ).toBe(200);
  });

  // ---- GET /api/v1/agencies ----

  it('every signed-in role lists agencies', async () => {
    for (const who of [admin, focal, secretariat, caseworker]) {
      const res = await as(who).get('/api/v1/agencies');
      expect(res.statusCode).toBe(200);
      expect(json<Page>(res).items.map((a) => a.name)).toContain('Tumaini Safe House');
    }
  });

  describe('paging and search', () => {
    const names = Array.from(
      { length: 13 },
      (_, i) => `Ukweli Outreach ${String.fromCharCode(65 + ((i * 7) % 13))}${i}`,
    );

    beforeAll(async () => {
      for (const name of names)
        await insertAgency(t.ctx, { name, type: names.indexOf(name) % 2 === 0 ? 'NGO' : 'Health' });
    });

    async function allPages(query: Record<string, string>): Promise<{ pages: AgencyDto[][] }> {
      const pages: AgencyDto[][] = [];
      let cursor: string | null = null;
      do {
        const res = await as(caseworker).get('/api/v1/agencies', {
          query: { ...query, ...(cursor ? { cursor } : {}) },
        });
        expect(res.statusCode).toBe(200);
        const page = json<Page>(res);
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor && pages.length < 20);
      return { pages };
    }

    it('pages through a search by name, ascending, without duplicates or gaps', async () => {
      const { pages } = await allPages({ q: 'ukweli outreach', limit: '5', sort: 'name', order: 'asc' });
      expect(pages.map((p) => p.length)).toEqual([5, 5, 3]);
      const seen = pages.flat().map((a) => a.name);
      expect(new Set(seen).size).toBe(13);
      const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
      expect(seen).toEqual(sorted);
    });

    it('pages descending in the reverse order', async () => {
      const asc = (await allPages({ q: 'Ukweli', limit: '4', order: 'asc' })).pages.flat().map((a) => a.id);
      const desc = (await allPages({ q: 'Ukweli', limit: '4', order: 'desc' })).pages.flat().map((a) => a.id);
      expect(desc).toEqual([...asc].reverse());
    });

    it('pages through a sort with ties (by type) without duplicates', async () => {
      const { pages } = await allPages({ q: 'ukweli', limit: '3', sort: 'type' });
      const ids = pages.flat().map((a) => a.id);
      expect(ids).toHaveLength(13);
      expect(new Set(ids).size).toBe(13);
      const types = pages.flat().map((a) => a.type);
      expect(types).toEqual([...types].sort());
    });

    it('filters by type and status, and matches search terms literally', async () => {
      const health = json<Page>(
        await as(caseworker).get('/api/v1/agencies', { query: { q: 'ukweli', type: 'Health', limit: '200' } }),
      );
      expect(health.items).toHaveLength(6);
      expect(health.items.every((a) => a.type === 'Health')).toBe(true);
      const wildcard = json<Page>(await as(caseworker).get('/api/v1/agencies', { query: { q: '%' } }));
      expect(wildcard.items).toEqual([]);
      const inactive = json<Page>(
        await as(caseworker).get('/api/v1/agencies', { query: { q: 'ukweli', status: 'inactive' } }),
      );
      expect(inactive.items).toEqual([]);
    });

    it('refuses a limit over 200 and a garbage cursor with 400', async () => {
      expectProblem(
        await as(caseworker).get('/api/v1/agencies', { query: { limit: '201' } }),
        400,
        'validation_failed',
      );
      expectProblem(await as(caseworker).get('/api/v1/agencies', { query: { limit: '0' } }), 400, 'validation_failed');
      expectProblem(
        await as(caseworker).get('/api/v1/agencies', { query: { cursor: 'bm90LWEtY3Vyc29y' } }),
        400,
        'invalid_cursor',
      );
      expectProblem(await as(caseworker).get('/api/v1/agencies', { query: { cursor: '!!!' } }), 400, 'invalid_cursor');
    });
  });
});
