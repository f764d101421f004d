import type { Role } from '@kinga/shared';
import { sql } from 'kysely';
import { buildActor } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { AuditLog } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { rebuildCaseStatistics } from '../analytics/case-statistics.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createNote } from '../case-records/case-notes.service.ts';
import { createService } from '../case-records/case-services.service.ts';
import { createScreening, determineScreening } from '../case-records/screenings.service.ts';
import { formatCaseCode } from '../cases/cases.repository.ts';
import { createCase, decideClosure, requestClosure, setFollowUp, submitCase } from '../cases/cases.service.ts';
import { recordConsent, withdrawConsent } from '../consents/consents.service.ts';
import {
  acceptReferral,
  approveTransfer,
  completeReferral,
  createReferral,
  declineReferral,
  revokeReferral,
} from '../referrals/referrals.service.ts';
import { insertUser, newUserRow } from '../users/users.repository.ts';
import {
  DEMO_CASE_STAFF,
  generateDemoCases,
  PROVIDER_KEYS,
  type DemoCaseScenario,
  type DemoConsent,
  type DemoReferral,
  type ProviderKey,
} from './demo-cases.ts';
import { DEMO_AGENCIES } from './demo.seed.ts';

export interface DemoCasesSummary {
  cases: number;
  drafts: number;
  referrals: number;
  staff: number;
  milliseconds: number;
}

/** What the services wrote for one scenario, so its timestamps can be set afterwards. */
interface Written {
  scenario: DemoCaseScenario;
  caseId: string;
  screeningId: string | null;
  consentIds: string[];
  serviceIds: string[];
  noteIds: string[];
  referralIds: string[];
}

/**
 * Loads the demo case load into a freshly seeded demo instance (after `seedDemo`): the extra
 * staff, then every scenario written through the case, consent, screening, service, note and
 * referral services, so that encryption, blind indexes, codes, access rules and the audit
 * trail are the real ones. Afterwards the timestamps the services set to "now" are moved back
 * to when each step happened in the scenario, and case codes are renumbered by the year of
 * registration. The audit trail keeps the real time of seeding: it is hash-chained and shows
 * honestly when the demo data were made. Refuses a database that already holds cases.
 */
export async function seedDemoCases(ctx: AppContext, options: { now?: Date } = {}): Promise<DemoCasesSummary> {
  const started = performance.now();
  const existing = await ctx.db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('Demo cases are only loaded into a database without cases.');
  const scenarios = generateDemoCases({ now: options.now ?? new Date() });

  // One hash serves every extra account: they share the demo password, and argon2 is slow by design.
  const passwordHash = await hashPassword(ctx.config.demoPassword);

  const written = await ctx.db.transaction().execute(async (trx) => {
    const seeding = withinTransaction(ctx, trx);
    const agencyIds = await demoAgencyIds(trx);
    await addCaseStaff(trx, agencyIds, passwordHash);
    const actors = await demoActors(trx);
    const rc = (email: string, index: number): RequestContext => {
      const actor = actors.get(email);
      if (!actor) throw new Error(`demo account ${email} missing`);
      return { actor, requestId: `demo-seed-${String(index).padStart(3, '0')}` };
    };
    const agencyId = (key: ProviderKey): string => {
      const id = agencyIds.get(key);
      if (!id) throw new Error(`demo agency ${key} missing`);
      return id;
    };
    const done: Written[] = [];
    for (const scenario of scenarios) done.push(await writeScenario(seeding, scenario, rc, agencyId));
    await backdate(ctx, trx, done);
    await renumberCodes(ctx, trx);
    // Registration dates moved: project the cases into the statistics again.
    await rebuildCaseStatistics(trx, { country: ctx.config.country });
    await ctx.audit.inTransaction(trx, { action: 'demo.seed.cases', outcome: 'success', entityType: 'instance' });
    return done;
  });
  return {
    cases: scenarios.length,
    drafts: scenarios.filter((s) => s.draft).length,
    referrals: written.reduce((n, w) => n + w.referralIds.length, 0),
    staff: DEMO_CASE_STAFF.length,
    milliseconds: Math.round(performance.now() - started),
  };
}

/**
 * A context whose database is one open transaction. The services open a transaction for each
 * write; here each of those becomes a step of the one already open, and their reads see its
 * writes. Three hundred cases then commit once instead of some four thousand times (each
 * commit an fsync, which made up about half the seeding time on SQLite), PostgreSQL serves it
 * on one connection, and a failure leaves no half-loaded demo behind. Audit rows for reads
 * join the same transaction.
 */
function withinTransaction(ctx: AppContext, trx: Tx): AppContext {
  const nested = {
    execute: <T>(work: (t: Tx) => Promise<T>): Promise<T> => work(trx),
    setIsolationLevel: () => nested,
    setAccessMode: () => nested,
  };
  const db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => nested;
      // Kysely keeps its state in private fields: its methods must run on the transaction itself.
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
  return { ...ctx, db, audit: new AuditLog(db, ctx.engine) };
}

/** The ids of the demo agencies that hold cases or give services, by their key. */
async function demoAgencyIds(trx: Tx): Promise<Map<ProviderKey, string>> {
  const rows = await trx.selectFrom('agencies').select(['id', 'name']).execute();
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const ids = new Map<ProviderKey, string>();
  for (const a of DEMO_AGENCIES) {
    const id = byName.get(a.name);
    const key = PROVIDER_KEYS.find((k) => k === a.key);
    if (id && key) ids.set(key, id);
  }
  return ids;
}

async function addCaseStaff(trx: Tx, agencyIds: Map<ProviderKey, string>, passwordHash: string): Promise<void> {
  for (const member of DEMO_CASE_STAFF) {
    const agencyId = agencyIds.get(member.agency);
    if (!agencyId) throw new Error(`demo agency ${member.agency} missing`);
    const row = newUserRow({
      name: member.name,
      email: member.email,
      agencyId,
      language: member.language,
      passwordHash,
      isDemo: true,
    });
    await insertUser(trx, row, member.roles);
  }
}

async function demoActors(trx: Tx): Promise<Map<string, RequestContext['actor']>> {
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.agency_id', 'user_roles.role'])
    .where('users.is_demo', '=', 1)
    .execute();
  const users = new Map<string, { id: string; agencyId: string; roles: Role[] }>();
  for (const r of rows) {
    const user = users.get(r.email) ?? { id: r.id, agencyId: r.agency_id, roles: [] };
    user.roles.push(r.role as Role);
    users.set(r.email, user);
  }
  return new Map([...users].map(([email, u]) => [email, buildActor({ ...u, mfaEnrolmentRequired: false })] as const));
}

type ActAs = (email: string, index: number) => RequestContext;

/** One scenario, step by step, as its people would have done it through the application. */
async function writeScenario(
  ctx: AppContext,
  s: DemoCaseScenario,
  rc: ActAs,
  agencyId: (key: ProviderKey) => string,
): Promise<Written> {
  const as = (email: string) => rc(email, s.index);
  const created = await createCase(ctx, as(s.owner), s.intake);
  const code = created.code;
  const row = await ctx.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const w: Written = {
    scenario: s,
    caseId: row.id,
    screeningId: null,
    consentIds: [],
    serviceIds: [],
    noteIds: [],
    referralIds: [],
  };
  if (s.draft) return w;
  await submitCase(ctx, as(s.owner), code);

  const consentIdOf = new Map<DemoConsent, string>();
  for (const c of s.consents) {
    const consent = await recordConsent(ctx, as(c.recordedBy), code, {
      purpose: c.purpose,
      agencyId: c.agency ? agencyId(c.agency) : null,
      ...(c.purpose === 'referral' ? { sections: c.sections } : {}),
      method: c.method,
      givenOn: c.givenOn,
      guardianName: c.guardianName,
      bestInterestNote: c.bestInterestNote,
    });
    consentIdOf.set(c, consent.id);
    w.consentIds.push(consent.id);
  }

  if (s.screening) {
    const screening = await createScreening(ctx, as(s.screening.screenedBy), code, s.screening.input);
    w.screeningId = screening.id;
    const d = s.screening.determination;
    if (d) {
      await determineScreening(
        ctx,
        as(d.decidedBy),
        code,
        screening.id,
        d.decision === 'confirm'
          ? { decision: 'confirm' }
          : { decision: 'override', status: d.status, reason: d.reason },
      );
    }
  }

  for (const service of s.services) {
    const dto = await createService(ctx, as(service.createdBy), code, {
      type: service.type,
      providerAgencyId: service.provider ? agencyId(service.provider) : null,
      startDate: service.startDate,
      endDate: service.endDate,
      status: service.status,
      details: service.details,
    });
    w.serviceIds.push(dto.id);
  }

  // Notes of the registering agency come before a transfer hands the case over, the receiver's after.
  const noteIds = new Map<(typeof s.notes)[number], string>();
  const writeNotes = async (afterHandover: boolean) => {
    for (const note of s.notes.filter((n) => n.afterHandover === afterHandover)) {
      noteIds.set(note, (await createNote(ctx, as(note.by), code, note.body)).id);
    }
  };
  await writeNotes(false);
  for (const r of s.referrals) w.referralIds.push(await writeReferral(ctx, code, r, as, agencyId));
  await writeNotes(true);
  w.noteIds = s.notes.map((n) => noteIds.get(n) ?? '');

  if (s.followUp) {
    await setFollowUp(ctx, as(s.followUp.by), code, { followUpAt: s.followUp.date, status: s.followUp.status });
  }
  if (s.closure) {
    await requestClosure(ctx, as(s.closure.requestedBy), code, { status: s.closure.status, reason: s.closure.reason });
    if (s.closure.approval) await decideClosure(ctx, as(s.closure.approval.by), code, { approve: true });
  }
  // A person's withdrawal is honoured whatever the state of the case, closed ones included.
  for (const c of s.consents) {
    const id = consentIdOf.get(c);
    if (c.withdrawal && id) await withdrawConsent(ctx, as(c.withdrawal.by), code, id, c.withdrawal.reason);
  }
  return w;
}

async function writeReferral(
  ctx: AppContext,
  code: string,
  r: DemoReferral,
  as: (email: string) => RequestContext,
  agencyId: (key: ProviderKey) => string,
): Promise<string> {
  const referral = await createReferral(ctx, as(r.createdBy), code, {
    kind: r.kind,
    toAgencyId: agencyId(r.to),
    services: r.services,
    reason: r.reason,
    details: r.details,
    ...(r.consentOverrideReason ? { consentOverrideReason: r.consentOverrideReason } : {}),
  });
  if (r.approval) await approveTransfer(ctx, as(r.approval.by), referral.id);
  if (r.answer?.decision === 'accept') await acceptReferral(ctx, as(r.answer.by), referral.id);
  if (r.answer?.decision === 'decline') await declineReferral(ctx, as(r.answer.by), referral.id, r.answer.reason);
  if (r.end?.step === 'complete') await completeReferral(ctx, as(r.end.by), referral.id);
  if (r.end?.step === 'revoke') await revokeReferral(ctx, as(r.end.by), referral.id);
  return referral.id;
}

// ---- back-dating ----------------------------------------------------------------------------------

function plus(iso: string, ms: number): string {
  return nowIso(Date.parse(iso) + ms);
}

function latest(...times: (string | null | undefined)[]): string {
  return times.filter((t): t is string => !!t).reduce((a, b) => (a > b ? a : b));
}

type Row = readonly [id: string, ...values: (string | null)[]];

/** New values for some columns of many rows, by id. */
class ColumnUpdates {
  readonly rows: Row[] = [];
  constructor(
    readonly table: 'cases' | 'screenings' | 'consents' | 'case_services' | 'case_notes' | 'referrals',
    readonly columns: readonly string[],
  ) {}
  set(id: string, ...values: (string | null)[]): void {
    this.rows.push([id, ...values]);
  }

  /**
   * Writes the values with one `update … set c = case id when … end` per chunk of rows: plain
   * SQL both engines run, and a few statements instead of one per row (each a round trip on
   * PostgreSQL).
   */
  async write(trx: Tx): Promise<void> {
    for (let i = 0; i < this.rows.length; i += 400) {
      const chunk = this.rows.slice(i, i + 400);
      const assignments = this.columns.map(
        (column, c) =>
          sql`${sql.ref(column)} = case ${sql.ref('id')} ${sql.join(
            chunk.map((row) => sql`when ${row[0]} then ${row[c + 1] ?? null}`),
            sql` `,
          )} end`,
      );
      await sql`update ${sql.table(this.table)} set ${sql.join(assignments)} where ${sql.ref('id')} in (${sql.join(chunk.map((row) => row[0]))})`.execute(
        trx,
      );
    }
  }
}

/** Moves what the services stamped "now" to when each scenario says it happened. */
async function backdate(ctx: AppContext, trx: Tx, written: readonly Written[]): Promise<void> {
  const cases = new ColumnUpdates('cases', ['created_at', 'updated_at', 'closure_requested_at', 'closure_approved_at']);
  const screenings = new ColumnUpdates('screenings', ['screened_at', 'decided_at']);
  const consents = new ColumnUpdates('consents', ['recorded_at', 'withdrawn_at']);
  const services = new ColumnUpdates('case_services', ['created_at', 'updated_at']);
  const notes = new ColumnUpdates('case_notes', ['created_at']);
  const referrals = new ColumnUpdates('referrals', [
    'created_at',
    'approved_at',
    'respond_by',
    'responded_at',
    'completed_at',
    'revoked_at',
    'updated_at',
  ]);
  for (const w of written) {
    const s = w.scenario;
    const times: string[] = [s.openedAt];
    if (w.screeningId && s.screening) {
      const decidedAt = s.screening.determination?.decidedAt ?? null;
      screenings.set(w.screeningId, s.screening.screenedAt, decidedAt);
      times.push(decidedAt ?? s.screening.screenedAt);
    }
    w.consentIds.forEach((id, i) => {
      const c = s.consents[i];
      if (!c) return;
      consents.set(id, c.recordedAt, c.withdrawal?.at ?? null);
      times.push(c.withdrawal?.at ?? c.recordedAt);
    });
    w.serviceIds.forEach((id, i) => {
      const service = s.services[i];
      if (service) services.set(id, service.createdAt, service.createdAt);
    });
    w.noteIds.forEach((id, i) => {
      const note = s.notes[i];
      if (!note || !id) return;
      notes.set(id, note.at);
      times.push(note.at);
    });
    w.referralIds.forEach((id, i) => {
      const r = s.referrals[i];
      if (!r) return;
      // The receiver's deadline runs from when the referral went out: at once, or on a transfer's approval.
      const sentAt = r.kind === 'transfer' ? (r.approval?.at ?? null) : r.createdAt;
      const acceptedTransfer = r.kind === 'transfer' && r.answer?.decision === 'accept';
      const last = latest(r.createdAt, r.approval?.at, r.answer?.at, r.end?.at);
      referrals.set(
        id,
        r.createdAt,
        r.approval?.at ?? null,
        sentAt ? plus(sentAt, ctx.config.referralResponseMs) : null,
        r.answer?.at ?? null,
        r.end?.step === 'complete' ? r.end.at : acceptedTransfer ? (r.answer?.at ?? null) : null,
        r.end?.step === 'revoke' ? r.end.at : null,
        last,
      );
      times.push(last);
    });
    if (s.followUp) times.push(s.followUp.at);
    if (s.closure) times.push(s.closure.approval?.at ?? s.closure.requestedAt);
    cases.set(w.caseId, s.openedAt, latest(...times), s.closure?.requestedAt ?? null, s.closure?.approval?.at ?? null);
  }
  for (const updates of [cases, screenings, consents, services, notes, referrals]) await updates.write(trx);
}

/**
 * Gives each case the code of the year it was registered in, numbered in registration order,
 * and sets each year's sequence so that new cases continue after the demo's.
 */
async function renumberCodes(ctx: AppContext, trx: Tx): Promise<void> {
  const rows = await trx.selectFrom('cases').select(['id', 'created_at']).orderBy('created_at').orderBy('id').execute();
  // Codes are unique: every case first takes a code of its own, so no new code meets an old one.
  await trx
    .updateTable('cases')
    .set({ code: sql<string>`${'TMP-'} || ${sql.ref('id')}` })
    .execute();
  const codes = new ColumnUpdates('cases', ['code']);
  const counters = new Map<number, number>();
  for (const row of rows) {
    const year = Number(row.created_at.slice(0, 4));
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    codes.set(row.id, formatCaseCode(ctx.config.country, year, n));
  }
  await codes.write(trx);
  await trx.deleteFrom('case_sequences').execute();
  if (counters.size) {
    await trx
      .insertInto('case_sequences')
      .values([...counters].map(([year, last]) => ({ year, last_value: last })))
      .execute();
  }
}
