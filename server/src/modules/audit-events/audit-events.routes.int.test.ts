import type { AuditEventDto } from '@kinga/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/audit.ts';
import { encodeCursor } from '../../db/keyset.ts';
import { buildAgency } from '../../../test/factories.ts';
import {
  DEMO,
  client,
  createTestApp,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

type Page = { items: AuditEventDto[]; nextCursor: string | null };

describeIntegration('audit trail route', () => {
  let t: TestApp;
  let admin: Session;
  let focal: Session;
  let analyst: Session;
  let createdAgencyId: string;
  let startedAt: string;
  const as = (s: Session | null) => client(t.app, s);
  const list = async (query: Record<string, string> = {}) => {
    const res = await as(admin).get('/api/v1/audit-events', { query });
    expect(res.statusCode).toBe(200);
    return json<Page>(res);
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    startedAt = new Date().toISOString();
    [admin, focal, analyst] = await Promise.all([
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.analyst),
    ]);
    createdAgencyId = json<{ id: string }>(await as(admin).post('/api/v1/agencies', buildAgency())).id;
    await as(focal).post('/api/v1/agencies', buildAgency()); // refused: one 'denied' row
  });
  afterAll(() => t?.close());

  it('an administrator browses the trail newest first; the browsing is itself audited as audit.list', async () => {
    const res = await as(admin).get('/api/v1/audit-events', { query: { limit: '5' } });
    expect(res.statusCode).toBe(200);
    const page = json<Page>(res);
    expect(page.items).toHaveLength(5);
    const seqs = page.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(page.nextCursor).not.toBeNull();
    await expectAudit(t.ctx, res, {
      action: 'audit.list',
      outcome: 'success',
      actorId: admin.user.id,
      entityType: 'audit_event',
    });
    const first = page.items.find((e) => e.action === 'agency.create');
    expect(first).toMatchObject({
      actorId: admin.user.id,
      actorName: 'Amina Wanjiru',
      entityType: 'agency',
      entityId: createdAgencyId,
      outcome: 'success',
    });
  });

  it.each([
    ['focal point', () => focal],
    ['analyst', () => analyst],
  ])('a %s may not read the trail: 403 and denied', async (_role, who) => {
    const res = await as(who()).get('/api/v1/audit-events');
    expectProblem(res, 403, 'forbidden');
    await expectDenied(t.ctx, res, who(), { action: 'access.audit:read' });
  });

  it('pages back through the whole trail without duplicates or gaps', async () => {
    const seqs: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const page = await list({ limit: '4', ...(cursor ? { cursor } : {}) });
      seqs.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[seqs.length - 1]).toBe(1);
    // Contiguous, except for the audit.list rows the paging itself appends after the first page.
    const below = seqs.slice(1);
    expect(below).toEqual(Array.from({ length: below.length }, (_, i) => (seqs[1] as number) - i));
  });

  it('filters by action, outcome, actor, entity and time', async () => {
    const creates = await list({ action: 'agency.create' });
    expect(creates.items.map((e) => e.entityId)).toEqual([createdAgencyId]);

    const denied = await list({ outcome: 'denied' });
    expect(denied.items.length).toBeGreaterThan(0);
    expect(denied.items.every((e) => e.outcome === 'denied')).toBe(true);
    expect(denied.items.map((e) => e.actorId)).toContain(focal.user.id);

    const byActor = await list({ actorId: focal.user.id });
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorId === focal.user.id)).toBe(true);
    expect(byActor.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'access.agency:manage']));

    const byEntity = await list({ entityType: 'agency', entityId: createdAgencyId });
    expect(byEntity.items.map((e) => e.action)).toEqual(['agency.create']);

    const before = await list({ to: startedAt });
    expect(before.items.map((e) => e.action)).toEqual(['demo.seed']);
    const after = await list({ from: startedAt, action: 'auth.login' });
    expect(after.items).toHaveLength(3);
    expect(await list({ from: '2999-01-01T00:00:00Z' })).toEqual({ items: [], nextCursor: null });
  });

  it('refuses malformed filters and cursors with 400, not 500', async () => {
    expectProblem(
      await as(admin).get('/api/v1/audit-events', { query: { outcome: 'maybe' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await as(admin).get('/api/v1/audit-events', { query: { from: 'yesterday' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await as(admin).get('/api/v1/audit-events', { query: { actorId: 'admin' } }),
      400,
      'validation_failed',
    );
    expectProblem(await as(admin).get('/api/v1/audit-events', { query: { cursor: 'garbage' } }), 400, 'invalid_cursor');
    const notASeq = encodeCursor('not-a-number', 'x');
    expectProblem(await as(admin).get('/api/v1/audit-events', { query: { cursor: notASeq } }), 400, 'invalid_cursor');
  });

  it('the chain the requests wrote verifies', async () => {
    await t.ctx.audit.drain();
    const result = await verifyAuditChain(t.ctx.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.rowsChecked).toBeGreaterThan(5);
  });
});
