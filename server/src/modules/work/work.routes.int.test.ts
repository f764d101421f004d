import type { ConsentDto, ReferralDto, WorkDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids.ts';
import { registerCase } from '../../../test/case-factories.ts';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectProblem,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

const EMPTY: WorkDto = {
  myCases: [],
  overdueFollowUps: [],
  incomingReferrals: [],
  determinationsToConfirm: [],
  closuresToApprove: [],
  transfersToApprove: [],
};

describeIntegration('work view', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst, admin] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.admin),
    ]);
  });
  afterAll(() => t?.close());

  const work = async (who: Session) => {
    const res = await client(t.app, who).get('/api/v1/work');
    expect(res.statusCode, res.body).toBe(200);
    return json<WorkDto>(res);
  };
  const codes = (items: { code: string }[]) => items.map((i) => i.code);
  const caseIdOf = async (code: string) =>
    (await t.ctx.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  /** A screening written straight to the table: the screening routes belong to another module. */
  async function addScreening(code: string, state: 'pending' | 'confirmed', screenedAt: string) {
    await t.ctx.db
      .insertInto('screenings')
      .values({
        id: newId(),
        case_id: await caseIdOf(code),
        observations_json: '{}',
        age_at_exploitation: null,
        suggested_status: 'PossibleVictimOfTrafficking',
        suggestion_json: '{}',
        notes_enc: null,
        screened_by: workerA.user.id,
        screened_at: screenedAt,
        determination_state: state,
        determined_status: null,
        decided_by: null,
        decided_at: null,
        decision_org: null,
        decision_agency_id: null,
        decision_reason_enc: null,
      })
      .execute();
  }

  /**
   * Moves a record to the distant past, so that it heads the oldest-first lists whatever other
   * data the instance holds (the lists are capped).
   */
  async function backdate(table: 'cases' | 'referrals', id: string, seconds: number) {
    const at = new Date(Date.UTC(2000, 0, 1, 0, 0, seconds)).toISOString();
    await t.ctx.db.updateTable(table).set({ created_at: at }).where('id', '=', id).execute();
  }

  async function referToB(code: string, kind: 'referral' | 'transfer'): Promise<ReferralDto> {
    const consent = await client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
      purpose: 'referral',
      agencyId: workerB.user.agencyId,
      sections: ['victim'],
      method: 'written',
      givenOn: '2026-02-01',
    });
    expect(json<ConsentDto>(consent).active).toBe(true);
    const res = await client(t.app, workerA).post(`/api/v1/cases/${code}/referrals`, {
      kind,
      toAgencyId: workerB.user.agencyId,
      services: ['Shelter'],
      reason: 'AdditionalServicesRequired',
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<ReferralDto>(res);
  }

  it('refuses an anonymous caller with 401', async () => {
    expectProblem(await client(t.app, null).get('/api/v1/work'), 401, 'unauthenticated');
  });

  it('roles that do not work on cases get empty lists, audited as a read', async () => {
    for (const who of [admin, analyst]) {
      const res = await client(t.app, who).get('/api/v1/work');
      expect(res.statusCode, res.body).toBe(200);
      expect(json<WorkDto>(res)).toEqual(EMPTY);
      await expectAudit(t.ctx, res, { action: 'work.read', outcome: 'success', actorId: who.user.id });
    }
  });

  describe('with cases in progress', () => {
    let mine: string;
    let overdue: string;
    let closed: string;
    let closing: string;
    let pendingScreening: string;
    let confirmedScreening: string;
    let referral: ReferralDto;
    let transfer: ReferralDto;

    beforeAll(async () => {
      const a = client(t.app, workerA);
      closed = (await registerCase(t.app, workerA)).code;
      await a.post(`/api/v1/cases/${closed}/closure`, { status: 'Closed', reason: 'Returned home safely' });
      expect((await client(t.app, supervisorA).post(`/api/v1/cases/${closed}/closure/approve`)).statusCode).toBe(200);
      closing = (await registerCase(t.app, workerA)).code;
      await a.post(`/api/v1/cases/${closing}/closure`, { status: 'Closed', reason: 'Moved abroad' });
      await backdate('cases', await caseIdOf(closing), 1);
      overdue = (await registerCase(t.app, workerA)).code;
      expect(
        (await a.put(`/api/v1/cases/${overdue}/follow-up`, { followUpAt: '2000-01-01', status: 'FollowUp' }))
          .statusCode,
      ).toBe(200);
      pendingScreening = (await registerCase(t.app, workerA)).code;
      await addScreening(pendingScreening, 'confirmed', '2026-01-01T08:00:00.000Z');
      await addScreening(pendingScreening, 'pending', '2026-01-02T08:00:00.000Z');
      await backdate('cases', await caseIdOf(pendingScreening), 2);
      confirmedScreening = (await registerCase(t.app, workerA)).code;
      await addScreening(confirmedScreening, 'pending', '2026-01-01T08:00:00.000Z');
      await addScreening(confirmedScreening, 'confirmed', '2026-01-02T08:00:00.000Z');
      await backdate('cases', await caseIdOf(confirmedScreening), 1);
      referral = await referToB((await registerCase(t.app, workerA)).code, 'referral');
      await backdate('referrals', referral.id, 1);
      transfer = await referToB((await registerCase(t.app, workerA)).code, 'transfer');
      await backdate('referrals', transfer.id, 2);
      mine = (await registerCase(t.app, workerA)).code;
    });

    it('a case worker sees the own open cases, newest first, and missed follow-ups; supervisor lists stay empty', async () => {
      const res = await client(t.app, workerA).get('/api/v1/work');
      expect(res.statusCode, res.body).toBe(200);
      await expectAudit(t.ctx, res, { action: 'work.read', entityType: 'case', entityId: null });
      const w = json<WorkDto>(res);
      expect(w.myCases.length).toBeLessThanOrEqual(10);
      expect(w.myCases[0]?.code).toBe(mine);
      expect(codes(w.myCases)).toContain(overdue);
      expect(codes(w.myCases)).not.toContain(closed);
      const created = w.myCases.map((c) => c.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      expect(w.overdueFollowUps[0]?.code).toBe(overdue);
      expect(w.overdueFollowUps.every((c) => c.followUpOverdue && c.ownerId === workerA.user.id)).toBe(true);
      expect(w.myCases.every((c) => c.ownerId === workerA.user.id && !c.status.startsWith('Closed'))).toBe(true);
      expect(w.determinationsToConfirm).toEqual([]);
      expect(w.closuresToApprove).toEqual([]);
      expect(w.transfersToApprove).toEqual([]);
    });

    it('the receiving agency sees the pending referral, not the transfer awaiting approval', async () => {
      const w = await work(workerB);
      expect(w.incomingReferrals[0]?.id).toBe(referral.id);
      expect(w.incomingReferrals.map((r) => r.id)).not.toContain(transfer.id);
      expect(w.incomingReferrals.every((r) => r.direction === 'incoming' && r.status === 'pending')).toBe(true);
      expect(codes(w.myCases)).not.toContain(mine);
    });

    it('a supervisor also sees determinations, closures and transfers waiting for them', async () => {
      const w = await work(supervisorA);
      // The latest screening decides: the case whose pending screening was followed by a confirmed one is not listed.
      expect(w.determinationsToConfirm[0]?.code).toBe(pendingScreening);
      expect(codes(w.determinationsToConfirm)).not.toContain(confirmedScreening);
      expect(w.closuresToApprove[0]?.code).toBe(closing);
      expect(codes(w.closuresToApprove)).not.toContain(closed);
      expect(w.closuresToApprove.every((c) => c.closureRequested)).toBe(true);
      expect(w.transfersToApprove[0]?.id).toBe(transfer.id);
      expect(w.transfersToApprove.every((r) => r.direction === 'outgoing' && r.status === 'awaiting_approval')).toBe(
        true,
      );
      // Assigned to the case worker, not to the supervisor: not "my" cases.
      expect(codes(w.myCases)).not.toContain(mine);
    });

    it('once the transfer is approved it leaves the supervisor list and reaches the receiver', async () => {
      expect((await client(t.app, supervisorA).post(`/api/v1/referrals/${transfer.id}/approve`)).statusCode).toBe(200);
      expect((await work(supervisorA)).transfersToApprove.map((r) => r.id)).not.toContain(transfer.id);
      // Oldest first.
      expect((await work(workerB)).incomingReferrals.slice(0, 2).map((r) => r.id)).toEqual([referral.id, transfer.id]);
    });
  });
});
