import {
  elementInputSchema,
  meetingInputSchema,
  partnerProfileInputSchema,
  type ElementInput,
  type PlanTransition,
  type PlanVersionStatus,
} from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type {
  ActionItemTable,
  AgencyFocalPersonTable,
  CoordinationMembershipTable,
  Database,
  IndicatorActualTable,
  MeetingAttendeeTable,
  MeetingDecisionTable,
  MeetingTable,
  PartnerPresenceTable,
  PlanCommentTable,
  PlanElementTable,
  PlanTable,
  PlanVersionStepTable,
  PlanVersionTable,
  ProgressEntryTable,
  ProgressEvidenceTable,
  ProgressReportTable,
  ReportingPeriodTable,
} from '../../db/schema.ts';
import { reportingPeriodsFor } from '../plans/reporting-periods.ts';
import {
  ACTUALS_ENTERED,
  ADOPTION_MEETING,
  DEMO_ACTUALS,
  DEMO_MEETINGS,
  DEMO_PARTNERS,
  DEMO_REPORTS,
  DEMO_THREADS,
  DRAFT_PLAN,
  EARLIER_PLAN,
  RETURN_MEETING,
  VALIDATION_MEETING,
  type DemoDate,
  type DemoMeeting,
  type DemoPlanDef,
  type ElementDef,
  type PartnerKey,
} from './demo-plans.data.ts';
import { DEMO_AGENCIES } from './demo.seed.ts';

export interface DemoPlansSummary {
  plans: number;
  elements: number;
  meetings: number;
  actionItems: number;
  milliseconds: number;
}

const DAY_MS = 86_400_000;
const SECRETARIAT_USER = 'secretariat@demo.kinga.test';

/**
 * Loads the coordination demo into a freshly seeded demo instance (after `seedDemo`, and
 * after `seedDemoCases` when cases are loaded too): partner profiles, the plan adopted in
 * 2022 with two quarters of monitoring in 2026, the draft plan for 2027–2031 with its
 * returned version 1 and current version 2 and their comments, and the meetings behind
 * them. Rows are written directly, in one transaction, with their historic times; element
 * fields pass the API's own schema first. Due dates of open action items are counted from
 * `now`, so the overdue ones stay overdue whenever the demo is loaded. Refuses a database
 * that already holds plans or meetings.
 */
export async function seedDemoPlans(ctx: AppContext, options: { now?: Date } = {}): Promise<DemoPlansSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const existing =
    (await ctx.db.selectFrom('plans').select('id').limit(1).executeTakeFirst()) ??
    (await ctx.db.selectFrom('meetings').select('id').limit(1).executeTakeFirst());
  if (existing) throw new Error('Demo plans are only loaded into a database without plans or meetings.');

  const summary = await ctx.db.transaction().execute(async (trx) => {
    const rows = new DemoPlanRows(await demoAgencyIds(trx), await demoUsers(trx), now, ctx.config.country);
    rows.build();
    for (const [agencyId, mandate] of rows.mandates) {
      await trx.updateTable('agencies').set({ mandate }).where('id', '=', agencyId).execute();
    }
    await insertAll(trx, 'agency_focal_persons', rows.focalPersons);
    await insertAll(trx, 'coordination_memberships', rows.memberships);
    await insertAll(trx, 'partner_presence', rows.presence);
    await insertAll(trx, 'plans', rows.plans);
    await insertAll(trx, 'meetings', rows.meetings);
    await insertAll(trx, 'meeting_attendees', rows.attendees);
    await insertAll(trx, 'meeting_decisions', rows.decisions);
    await insertAll(trx, 'action_items', rows.actionItems);
    await insertAll(trx, 'plan_versions', rows.versions);
    await insertAll(trx, 'plan_version_steps', rows.steps);
    await insertAll(trx, 'plan_elements', rows.elements);
    await insertAll(trx, 'plan_comments', rows.comments);
    await insertAll(trx, 'reporting_periods', rows.periods);
    await insertAll(trx, 'progress_reports', rows.reports);
    await insertAll(trx, 'progress_entries', rows.entries);
    await insertAll(trx, 'progress_evidence', rows.evidence);
    await insertAll(trx, 'indicator_actuals', rows.actuals);
    await ctx.audit.inTransaction(trx, { action: 'demo.seed.plans', outcome: 'success', entityType: 'instance' });
    return {
      plans: rows.plans.length,
      elements: rows.elements.length,
      meetings: rows.meetings.length,
      actionItems: rows.actionItems.length,
    };
  });
  return { ...summary, milliseconds: Math.round(performance.now() - started) };
}

type TableWithRows = {
  [T in keyof Database]: Database[T] extends object ? T : never;
}[keyof Database];

/** Inserts rows a few hundred at a time: well inside both engines' limit on bound parameters. */
async function insertAll<T extends TableWithRows>(trx: Tx, table: T, rows: readonly Database[T][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    // Kysely cannot relate a generic table name to its row type; this function's signature checks the rows.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 300) as never)
      .execute();
  }
}

async function demoAgencyIds(trx: Tx): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('agencies').select(['id', 'name']).execute();
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const ids = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const id = byName.get(a.name);
    if (id) ids.set(a.key, id);
  }
  return ids;
}

interface DemoUserRow {
  id: string;
  name: string;
  agencyId: string;
}

async function demoUsers(trx: Tx): Promise<Map<string, DemoUserRow>> {
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'agency_id'])
    .where('is_demo', '=', 1)
    .execute();
  return new Map(rows.map((r) => [r.email, { id: r.id, name: r.name, agencyId: r.agency_id }]));
}

/** When the task force last edited version 2 of the draft: the time of every element it changed or added. */
const VERSION_2_EDITED_AT = '2026-11-12T15:00:00.000Z';

/** Builds every row of the demo from the data file; no database access. */
class DemoPlanRows {
  readonly mandates = new Map<string, string>();
  readonly focalPersons: AgencyFocalPersonTable[] = [];
  readonly memberships: CoordinationMembershipTable[] = [];
  readonly presence: PartnerPresenceTable[] = [];
  readonly plans: PlanTable[] = [];
  readonly versions: PlanVersionTable[] = [];
  readonly steps: PlanVersionStepTable[] = [];
  readonly elements: PlanElementTable[] = [];
  readonly comments: PlanCommentTable[] = [];
  readonly meetings: MeetingTable[] = [];
  readonly attendees: MeetingAttendeeTable[] = [];
  readonly decisions: MeetingDecisionTable[] = [];
  readonly actionItems: ActionItemTable[] = [];
  readonly periods: ReportingPeriodTable[] = [];
  readonly reports: ProgressReportTable[] = [];
  readonly entries: ProgressEntryTable[] = [];
  readonly evidence: ProgressEvidenceTable[] = [];
  readonly actuals: IndicatorActualTable[] = [];

  private readonly seededAt: string;
  private readonly currency: string;
  private readonly planIds = { draft: newId(), earlier: newId() };
  /** Element keys by ref, per plan: the same key in both versions of the draft. */
  private readonly keys = { draft: new Map<string, string>(), earlier: new Map<string, string>() };
  /** Decision ids by meeting ref and number. */
  private readonly decisionIds = new Map<string, string>();
  private readonly periodIds = new Map<string, string>();
  private readonly draftVersionIds: Record<1 | 2, string> = { 1: newId(), 2: newId() };
  private readonly earlierVersionId = newId();

  constructor(
    private readonly agencyIds: ReadonlyMap<string, string>,
    private readonly users: ReadonlyMap<string, DemoUserRow>,
    private readonly now: Date,
    country: string,
  ) {
    this.seededAt = nowIso(now.getTime());
    this.currency = countryProfile(country).currency;
  }

  build(): void {
    this.buildPartners();
    this.buildPlans();
    for (const meeting of DEMO_MEETINGS) this.buildMeeting(meeting);
    this.buildVersions();
    this.buildElements(DRAFT_PLAN, 'draft', [
      {
        number: 1,
        id: this.draftVersionIds[1],
        createdAt: '2026-02-24T07:00:00.000Z',
        updatedAt: '2026-08-11T12:00:00.000Z',
      },
      { number: 2, id: this.draftVersionIds[2], createdAt: '2026-10-20T08:00:00.000Z', updatedAt: null },
    ]);
    this.buildElements(EARLIER_PLAN, 'earlier', [
      {
        number: 1,
        id: this.earlierVersionId,
        createdAt: '2022-02-01T07:00:00.000Z',
        updatedAt: '2022-05-24T12:00:00.000Z',
      },
    ]);
    this.buildComments();
    this.buildPeriods(DRAFT_PLAN, this.planIds.draft, null);
    this.buildPeriods(EARLIER_PLAN, this.planIds.earlier, this.periodIds);
    this.buildReports();
    this.buildActuals();
  }

  // ---- look-ups ----

  private agency(key: PartnerKey): string {
    const id = this.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} missing`);
    return id;
  }

  private user(email: string): DemoUserRow {
    const user = this.users.get(email);
    if (!user) throw new Error(`demo account ${email} missing`);
    return user;
  }

  private decision(meetingRef: string, number: number): string {
    const id = this.decisionIds.get(`${meetingRef}#${number}`);
    if (!id) throw new Error(`demo decision ${meetingRef}#${number} missing`);
    return id;
  }

  private key(plan: 'draft' | 'earlier', ref: string): string {
    const map = this.keys[plan];
    let key = map.get(ref);
    if (!key) {
      key = newId();
      map.set(ref, key);
    }
    return key;
  }

  private period(label: string): string {
    const id = this.periodIds.get(label);
    if (!id) throw new Error(`reporting period ${label} missing`);
    return id;
  }

  /** A calendar date, fixed or counted in days from the day of seeding. */
  private date(value: DemoDate): string {
    if (typeof value === 'string') return value;
    return nowIso(this.now.getTime() + value.inDays * DAY_MS).slice(0, 10);
  }

  // ---- partners ----

  private buildPartners(): void {
    for (const partner of DEMO_PARTNERS) {
      const agencyId = this.agency(partner.agency);
      const profile = partnerProfileInputSchema.parse({
        mandate: partner.mandate,
        focalPersons: partner.focalPersons,
        memberships: partner.memberships,
        presence: partner.presence.map((p) => ({
          area: p.area,
          national: p.counties === 'national',
          countyCodes: p.counties === 'national' ? [] : [...p.counties],
        })),
      });
      if (profile.mandate) this.mandates.set(agencyId, profile.mandate);
      profile.focalPersons.forEach((person, position) =>
        this.focalPersons.push({ id: newId(), agency_id: agencyId, position, ...person, created_at: this.seededAt }),
      );
      for (const m of profile.memberships ?? []) {
        this.memberships.push({
          id: newId(),
          body: m.body,
          agency_id: agencyId,
          role: m.role,
          since: m.since,
          created_at: this.seededAt,
        });
      }
      for (const p of profile.presence) {
        for (const county of p.national ? [0] : p.countyCodes) {
          this.presence.push({ agency_id: agencyId, area: p.area, county_code: county });
        }
      }
    }
  }

  // ---- plans, versions and their workflow ----

  private buildPlans(): void {
    const secretariat = this.user(SECRETARIAT_USER).id;
    const plan = (def: DemoPlanDef, id: string, createdAt: string, updatedAt: string): PlanTable => ({
      id,
      title: def.title,
      period_start: def.periodStart,
      period_end: def.periodEnd,
      currency: this.currency,
      reporting_frequency: 'quarterly',
      submission_deadline: def.submissionDeadline,
      created_by: secretariat,
      created_at: createdAt,
      updated_at: updatedAt,
    });
    this.plans.push(
      plan(EARLIER_PLAN, this.planIds.earlier, '2022-02-01T07:00:00.000Z', '2022-06-14T10:30:00.000Z'),
      plan(DRAFT_PLAN, this.planIds.draft, '2026-02-24T07:00:00.000Z', VERSION_2_EDITED_AT),
    );
  }

  private buildVersions(): void {
    const secretariat = this.user(SECRETARIAT_USER).id;
    const version = (
      id: string,
      planId: string,
      number: number,
      status: PlanVersionStatus,
      basedOn: number | null,
      createdAt: string,
      updatedAt: string,
    ): PlanVersionTable => ({
      id,
      plan_id: planId,
      number,
      status,
      based_on: basedOn,
      created_by: secretariat,
      created_at: createdAt,
      updated_at: updatedAt,
    });
    const step = (
      versionId: string,
      transition: PlanTransition,
      at: string,
      decisionId: string | null,
      note: string | null,
    ): PlanVersionStepTable => ({
      id: newId(),
      version_id: versionId,
      transition,
      actor_id: secretariat,
      at,
      decision_id: decisionId,
      note,
    });

    const earlier = this.earlierVersionId;
    this.versions.push(
      version(
        earlier,
        this.planIds.earlier,
        1,
        'adopted',
        null,
        '2022-02-01T07:00:00.000Z',
        '2022-06-14T10:30:00.000Z',
      ),
    );
    this.steps.push(
      step(earlier, 'create', '2022-02-01T07:00:00.000Z', null, null),
      step(earlier, 'submit', '2022-05-27T08:00:00.000Z', null, 'Validated by the task force on 24 May 2022.'),
      step(earlier, 'adopt', '2022-06-14T10:30:00.000Z', this.decision(ADOPTION_MEETING, 1), null),
    );

    const [v1, v2] = [this.draftVersionIds[1], this.draftVersionIds[2]];
    this.versions.push(
      version(v1, this.planIds.draft, 1, 'returned', null, '2026-02-24T07:00:00.000Z', '2026-10-14T11:30:00.000Z'),
      version(v2, this.planIds.draft, 2, 'draft', 1, '2026-10-20T08:00:00.000Z', VERSION_2_EDITED_AT),
    );
    this.steps.push(
      step(v1, 'create', '2026-02-24T07:00:00.000Z', null, null),
      step(
        v1,
        'submit',
        '2026-09-15T09:00:00.000Z',
        this.decision(VALIDATION_MEETING, 1),
        'Costed draft validated by the task force on 11 August 2026.',
      ),
      step(
        v1,
        'return',
        '2026-10-14T11:30:00.000Z',
        this.decision(RETURN_MEETING, 1),
        'Returned for revision: Trust Fund, county committees, county disaggregation, lead on repatriation.',
      ),
      step(v2, 'create', '2026-10-20T08:00:00.000Z', null, 'Started from version 1 after the Committee’s return.'),
    );
  }

  /** Every element of every version, its fields checked by the API's schema before they are stored. */
  private buildElements(
    def: DemoPlanDef,
    plan: 'draft' | 'earlier',
    versions: { number: 1 | 2; id: string; createdAt: string; updatedAt: string | null }[],
  ): void {
    // Positions count every sibling of either version, so removing or adding one moves no other.
    const positions = new Map<string, number>();
    const siblings = new Map<string, number>();
    for (const element of def.elements) {
      const parent = element.kind === 'pillar' ? '' : element.parent;
      const position = siblings.get(parent) ?? 0;
      positions.set(element.ref, position);
      siblings.set(parent, position + 1);
    }
    const data = new Map<string, string>();
    for (const version of versions) {
      for (const element of def.elements) {
        if (element.only !== undefined && element.only !== version.number) continue;
        const { kind, ...fields } = this.parseFields(def, plan, element, version.number);
        const json = JSON.stringify(fields);
        const before = data.get(element.ref);
        data.set(element.ref, json);
        const edited = version.updatedAt ?? (before === json ? version.createdAt : VERSION_2_EDITED_AT);
        this.elements.push({
          id: newId(),
          version_id: version.id,
          element_key: this.key(plan, element.ref),
          kind,
          parent_key: fields.parentKey,
          position: positions.get(element.ref) ?? 0,
          title: fields.title,
          lead_agency_id: 'leadAgencyId' in fields ? fields.leadAgencyId : null,
          data_json: json,
          created_at: version.createdAt,
          updated_at: edited,
        });
      }
    }
  }

  private parseFields(def: DemoPlanDef, plan: 'draft' | 'earlier', element: ElementDef, version: 1 | 2) {
    const parentKey = element.kind === 'pillar' ? null : this.key(plan, element.parent);
    let input: ElementInput;
    switch (element.kind) {
      case 'pillar':
        input = {
          kind: 'pillar',
          parentKey,
          title: element.title,
          description: element.description ?? null,
          pillar: element.pillar,
        };
        break;
      case 'objective':
        input = {
          kind: 'objective',
          parentKey,
          title: (version === 1 ? element.v1?.title : undefined) ?? element.title,
          description: element.description ?? null,
        };
        break;
      case 'activity': {
        const a = version === 1 ? { ...element, ...element.v1 } : element;
        input = {
          kind: 'activity',
          parentKey,
          title: a.title,
          description: a.description,
          area: a.area,
          leadAgencyId: this.agency(a.lead),
          supportingAgencyIds: a.supporting.map((k) => this.agency(k)),
          countyCodes: [...a.counties],
          startDate: a.start,
          endDate: a.end,
          budget: a.budget,
        };
        break;
      }
      case 'indicator': {
        const i = version === 1 ? { ...element, ...element.v1 } : element;
        input = {
          kind: 'indicator',
          parentKey,
          title: i.title,
          description: i.description ?? null,
          definition: i.definition ?? null,
          unit: i.unit,
          baseline: i.baseline ?? null,
          baselineYear: i.baselineYear ?? null,
          targets: i.targets.map((value, n) => ({ year: def.periodStart + n, value })),
          frequency: i.frequency ?? 'quarterly',
          meansOfVerification: i.meansOfVerification ?? null,
          disaggregations: [...(i.disaggregations ?? [])],
          direction: i.direction ?? 'increase',
          aggregation: i.aggregation ?? 'sum',
          source: i.source ?? 'manual',
        };
        break;
      }
    }
    const parsed = elementInputSchema.safeParse(input);
    if (!parsed.success) throw new Error(`demo plan element ${element.ref} is invalid: ${parsed.error.message}`);
    return parsed.data;
  }

  private buildComments(): void {
    for (const thread of DEMO_THREADS) {
      const threadId = newId();
      const versionId = this.draftVersionIds[thread.version];
      const elementKey = thread.element ? this.key('draft', thread.element) : null;
      thread.comments.forEach((comment, i) => {
        const author = this.user(comment.by);
        const first = i === 0;
        this.comments.push({
          id: first ? threadId : newId(),
          version_id: versionId,
          element_key: elementKey,
          thread_id: threadId,
          author_id: author.id,
          agency_id: author.agencyId,
          body: comment.body,
          created_at: comment.at,
          resolved_at: first && thread.resolved ? thread.resolved.at : null,
          resolved_by: first && thread.resolved ? this.user(thread.resolved.by).id : null,
        });
      });
    }
  }

  // ---- meetings ----

  private buildMeeting(m: DemoMeeting): void {
    const secretariat = this.user(SECRETARIAT_USER).id;
    const startsAt =
      typeof m.startsAt === 'string' ? m.startsAt : `${this.date({ inDays: m.startsAt.inDays })}T${m.startsAt.at}`;
    const endsAt = nowIso(Date.parse(startsAt) + m.hours * 3_600_000);
    const input = meetingInputSchema.safeParse({
      kind: m.kind,
      title: m.title,
      startsAt,
      endsAt,
      place: m.place,
      link: m.link ?? null,
      agenda: m.agenda,
    });
    if (!input.success) throw new Error(`demo meeting ${m.ref} is invalid: ${input.error.message}`);
    const createdAt = earliest(nowIso(Date.parse(startsAt) - 14 * DAY_MS), this.seededAt);
    const minutesAt = earliest(nowIso(Date.parse(endsAt) + DAY_MS), this.seededAt);
    const id = newId();
    this.meetings.push({
      id,
      kind: m.kind,
      title: m.title,
      status: m.status,
      starts_at: startsAt,
      ends_at: endsAt,
      place: input.data.place,
      link: input.data.link,
      agenda: input.data.agenda,
      minutes: m.minutes ?? null,
      plan_id: this.planIds[m.plan],
      created_by: secretariat,
      created_at: createdAt,
      updated_at: m.status === 'held' ? minutesAt : createdAt,
    });
    m.attendees.forEach((a, position) => {
      const user = a.user ? this.user(a.user) : null;
      this.attendees.push({
        id: newId(),
        meeting_id: id,
        position,
        user_id: user?.id ?? null,
        name: user?.name ?? a.name ?? '',
        agency_id: user?.agencyId ?? (a.agency ? this.agency(a.agency) : null),
        attendance: a.attendance,
      });
    });
    m.decisions.forEach((text, i) => {
      const decisionId = newId();
      this.decisionIds.set(`${m.ref}#${i + 1}`, decisionId);
      this.decisions.push({
        id: decisionId,
        meeting_id: id,
        number: i + 1,
        text,
        created_by: secretariat,
        created_at: endsAt,
      });
    });
    for (const item of m.actionItems) {
      const completedAt = item.status === 'done' ? (item.completedAt ?? endsAt) : null;
      this.actionItems.push({
        id: newId(),
        meeting_id: id,
        decision_id: item.decision ? this.decision(m.ref, item.decision) : null,
        text: item.text,
        owner_agency_id: item.ownerAgency ? this.agency(item.ownerAgency) : null,
        owner_user_id: item.ownerUser ? this.user(item.ownerUser).id : null,
        due_on: this.date(item.due),
        status: item.status,
        completed_at: completedAt,
        created_by: secretariat,
        created_at: endsAt,
        updated_at: completedAt ?? (item.status === 'in_progress' ? minutesAt : endsAt),
      });
    }
  }

  // ---- monitoring ----

  private buildPeriods(def: DemoPlanDef, planId: string, ids: Map<string, string> | null): void {
    for (const p of reportingPeriodsFor(def.periodStart, def.periodEnd, 'quarterly')) {
      if (def.monitoredFrom && p.label < def.monitoredFrom) continue;
      const id = newId();
      ids?.set(p.label, id);
      this.periods.push({
        id,
        plan_id: planId,
        label: p.label,
        starts_on: p.startsOn,
        ends_on: p.endsOn,
        due_on: p.dueOn,
      });
    }
  }

  private buildReports(): void {
    const secretariat = this.user(SECRETARIAT_USER).id;
    for (const r of DEMO_REPORTS) {
      const submitter = r.submitted ? this.user(r.submitted.by).id : secretariat;
      const submittedAt = r.submitted?.at ?? null;
      const createdAt = nowIso(Date.parse(submittedAt ?? this.seededAt) - 2 * DAY_MS);
      const id = newId();
      this.reports.push({
        id,
        period_id: this.period(r.period),
        version_id: this.earlierVersionId,
        agency_id: this.agency(r.agency),
        status: r.status,
        submitted_at: submittedAt,
        submitted_by: r.submitted ? submitter : null,
        reviewed_at: r.reviewed?.at ?? null,
        reviewed_by: r.reviewed ? secretariat : null,
        review_comment: r.reviewed?.comment ?? null,
        created_by: submitter,
        created_at: createdAt,
        updated_at: r.reviewed?.at ?? submittedAt ?? createdAt,
      });
      for (const [ref, [status, narrative]] of Object.entries(r.entries)) {
        this.entries.push({
          report_id: id,
          activity_key: this.key('earlier', ref),
          status,
          narrative,
          updated_at: submittedAt ?? createdAt,
        });
      }
      if (r.evidence) {
        const content = evidencePdf(r.evidence.title);
        this.evidence.push({
          id: newId(),
          report_id: id,
          activity_key: this.key('earlier', r.evidence.activity),
          file_name: r.evidence.fileName,
          media_type: 'application/pdf',
          size: content.length,
          content: content.toString('base64'),
          uploaded_by: submitter,
          created_at: nowIso(Date.parse(submittedAt ?? this.seededAt) - 3_600_000),
        });
      }
    }
  }

  private buildActuals(): void {
    for (const a of DEMO_ACTUALS) {
      const entered = ACTUALS_ENTERED[a.period];
      if (!entered) throw new Error(`no entry time for ${a.period}`);
      const disaggregation = { ...(a.sex ? { sex: a.sex } : {}), ...(a.county ? { county: a.county } : {}) };
      this.actuals.push({
        id: newId(),
        plan_id: this.planIds.earlier,
        period_id: this.period(a.period),
        indicator_key: this.key('earlier', a.indicator),
        value: a.value,
        disaggregation_json: JSON.stringify(disaggregation),
        note: a.note ?? null,
        entered_by: this.user(entered.by).id,
        entered_at: entered.at,
      });
    }
  }
}

function earliest(a: string, b: string): string {
  return a < b ? a : b;
}

/** A one-page PDF that says what the evidence file stands for: small, valid, and plainly a demo. */
function evidencePdf(title: string): Buffer {
  const text = `${title} - demo evidence, no real data`.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 14 Tf 56 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
