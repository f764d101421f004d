import type { NoteDto } from '@kinga/shared';
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

type Page = { items: NoteDto[]; nextCursor: string | null };

describeIntegration('case notes', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let secretariat: Session;
  let code: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst, secretariat] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.secretariat),
    ]);
    code = (await registerCase(t.app, workerA)).code;
    caseId = await caseIdOf(t.ctx, code);
  });
  afterAll(() => t?.close());

  const url = (c = code) => `/api/v1/cases/${c}/notes`;

  async function noteRows(id = caseId): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('case_notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function expectNoWrite(res: LightMyRequestResponse) {
    const audit = await auditOfResponse(t.ctx, res);
    expect(audit.filter((a) => a.outcome === 'success' && a.action === 'case.note.create')).toEqual([]);
  }

  describe('writing', () => {
    it('adds a note with its author, sealed at rest, and audits it', async () => {
      const body = 'Called her sister in Malindi; family willing to receive her.';
      const res = await client(t.app, workerA).post(url(), { body: `  ${body}  ` });
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<NoteDto>(res);
      expect(dto).toMatchObject({ body, authorId: workerA.user.id, authorName: workerA.user.name });
      await expectAudit(t.ctx, res, { action: 'case.note.create', entityType: 'case', entityId: caseId });
      const row = await t.ctx.db
        .selectFrom('case_notes')
        .selectAll()
        .where('id', '=', dto.id)
        .executeTakeFirstOrThrow();
      expect(row.body_enc).not.toContain('Malindi');
    });

    it('rejects an empty, blank or too long note with 400 and writes nothing', async () => {
      const before = await noteRows();
      for (const body of [{}, { body: '' }, { body: '   ' }, { body: 'x'.repeat(10_001) }, { body: 42 }]) {
        const res = await client(t.app, workerA).post(url(), body);
        expectProblem(res, 400, 'validation_failed');
        await expectNoWrite(res);
      }
      expect(await noteRows()).toBe(before);
    });

    it('refuses anonymous callers (401) and roles without case:write (403, audited)', async () => {
      const before = await noteRows();
      expectProblem(await client(t.app, null).post(url(), { body: 'hello' }), 401, 'unauthenticated');
      const res = await client(t.app, analyst).post(url(), { body: 'hello' });
      expectProblem(res, 403);
      await expectDenied(t.ctx, res, analyst);
      expect(await noteRows()).toBe(before);
    });

    it("hides agency A's case from case worker B (404, audited as denied)", async () => {
      const before = await noteRows();
      const res = await client(t.app, workerB).post(url(), { body: 'hello' });
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, workerB, { entityType: 'case', entityId: caseId });
      expect(await noteRows()).toBe(before);
    });

    it('refuses a note on a closed case (409)', async () => {
      const closed = await registerCase(t.app, workerA);
      await client(t.app, workerA).post(`/api/v1/cases/${closed.code}/closure`, {
        status: 'Closed',
        reason: 'Reintegrated with family',
      });
      await client(t.app, supervisorA).post(`/api/v1/cases/${closed.code}/closure/approve`);
      expectProblem(await client(t.app, workerA).post(url(closed.code), { body: 'late' }), 409, 'case_closed');
    });
  });

  describe('reading', () => {
    let pagedCode: string;
    beforeAll(async () => {
      pagedCode = (await registerCase(t.app, workerA)).code;
      for (let i = 1; i <= 5; i += 1) {
        const who = i % 2 === 0 ? supervisorA : workerA;
        const res = await client(t.app, who).post(url(pagedCode), { body: `Follow-up visit ${i}` });
        expect(res.statusCode, res.body).toBe(201);
      }
    });

    it('lists notes newest first, a page at a time, with author names; each read audited', async () => {
      const first = await client(t.app, workerA).get(url(pagedCode), { query: { limit: '2' } });
      expect(first.statusCode).toBe(200);
      const page1 = json<Page>(first);
      expect(page1.items.map((n) => n.body)).toEqual(['Follow-up visit 5', 'Follow-up visit 4']);
      expect(page1.items.map((n) => n.authorName)).toEqual([workerA.user.name, supervisorA.user.name]);
      await expectAudit(t.ctx, first, {
        action: 'case.note.list',
        entityType: 'case',
        entityId: await caseIdOf(t.ctx, pagedCode),
      });
      const bodies = page1.items.map((n) => n.body);
      let cursor = page1.nextCursor;
      while (cursor) {
        const next = json<Page>(await client(t.app, workerA).get(url(pagedCode), { query: { limit: '2', cursor } }));
        bodies.push(...next.items.map((n) => n.body));
        cursor = next.nextCursor;
      }
      expect(bodies).toEqual([5, 4, 3, 2, 1].map((i) => `Follow-up visit ${i}`));
    });

    it('rejects a bad cursor or limit with 400', async () => {
      expectProblem(await client(t.app, workerA).get(url(), { query: { cursor: '!!!' } }), 400, 'invalid_cursor');
      expectProblem(await client(t.app, workerA).get(url(), { query: { limit: '0' } }), 400, 'validation_failed');
    });

    it('refuses anonymous callers (401) and hides the case from another agency (404, audited)', async () => {
      expectProblem(await client(t.app, null).get(url()), 401, 'unauthenticated');
      const res = await client(t.app, workerB).get(url());
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, workerB, { entityType: 'case', entityId: caseId });
    });

    it('refuses de-identified and referral views though they see the case (403, audited)', async () => {
      for (const who of [analyst, secretariat]) {
        const res = await client(t.app, who).get(url());
        expectProblem(res, 403, 'notes_not_visible');
        await expectDenied(t.ctx, res, who, { entityType: 'case', entityId: caseId });
        expect(res.body).not.toContain('Malindi');
      }
      const shared = await registerCase(t.app, workerA);
      const sharedId = await caseIdOf(t.ctx, shared.code);
      await client(t.app, workerA).post(url(shared.code), { body: 'Private working note' });
      await shareCase(t.ctx, sharedId, {
        agencyId: await agencyIdOf(t.ctx, "Children's Services Office, Kisumu"),
        sections: ['identity', 'contact', 'victim', 'route', 'screening', 'services'],
      });
      expect((await client(t.app, workerB).get(`/api/v1/cases/${shared.code}`)).statusCode).toBe(200);
      const res = await client(t.app, workerB).get(url(shared.code));
      expectProblem(res, 403, 'notes_not_visible');
      expect(res.body).not.toContain('Private');
      const write = await client(t.app, workerB).post(url(shared.code), { body: 'From the shelter' });
      expectProblem(write, 403, 'read_only_case');
      expect(await noteRows(sharedId)).toBe(1);
    });
  });
});
