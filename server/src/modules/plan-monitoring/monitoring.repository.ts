import type { ReportStatus } from '@kinga/shared';
import type { Db, Tx } from '../../db/database.ts';
import type {
  IndicatorActualTable,
  PlanTable,
  ProgressEntryTable,
  ProgressEvidenceTable,
  ProgressReportTable,
  ReportingPeriodTable,
} from '../../db/schema.ts';

/** SQL of plan monitoring: periods, progress reports with their entries and evidence, entered actuals. */

export type PlanRow = PlanTable;
export type PeriodRow = ReportingPeriodTable;
export type ReportRow = ProgressReportTable & { submitted_by_name: string | null; reviewed_by_name: string | null };
export type EntryRow = ProgressEntryTable;
/** Evidence without its content: what reports list. */
export type EvidenceRow = Omit<ProgressEvidenceTable, 'content'> & { uploaded_by_name: string };
export type ActualRow = IndicatorActualTable & { entered_by_name: string };

/** Statuses of a report the agency has handed in. */
export const HANDED_IN: readonly ReportStatus[] = ['submitted', 'accepted'];

export function findPlan(db: Db | Tx, planId: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
}

/** The plan's reporting periods, oldest first. */
export function listPeriods(db: Db | Tx, planId: string): Promise<PeriodRow[]> {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

export function findPeriod(db: Db | Tx, planId: string, periodId: string): Promise<PeriodRow | undefined> {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', periodId)
    .executeTakeFirst();
}

/** Period, agency and status of every report of the plan: what missing-report flags need. */
export function listReportStates(
  db: Db | Tx,
  planId: string,
): Promise<{ period_id: string; agency_id: string; status: string }[]> {
  return db
    .selectFrom('progress_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .select(['progress_reports.period_id', 'progress_reports.agency_id', 'progress_reports.status'])
    .where('reporting_periods.plan_id', '=', planId)
    .execute();
}

function selectReports(db: Db | Tx) {
  return db
    .selectFrom('progress_reports')
    .leftJoin('users as submitter', 'submitter.id', 'progress_reports.submitted_by')
    .leftJoin('users as reviewer', 'reviewer.id', 'progress_reports.reviewed_by')
    .selectAll('progress_reports')
    .select(['submitter.name as submitted_by_name', 'reviewer.name as reviewed_by_name']);
}

/** The reports of one period, of every agency or of one. */
export function listReports(db: Db | Tx, periodId: string, agencyId?: string): Promise<ReportRow[]> {
  let q = selectReports(db).where('progress_reports.period_id', '=', periodId);
  if (agencyId !== undefined) q = q.where('progress_reports.agency_id', '=', agencyId);
  return q.execute();
}

export function findReport(db: Db | Tx, periodId: string, agencyId: string): Promise<ReportRow | undefined> {
  return selectReports(db)
    .where('progress_reports.period_id', '=', periodId)
    .where('progress_reports.agency_id', '=', agencyId)
    .executeTakeFirst();
}

export async function listEntries(db: Db | Tx, reportIds: readonly string[]): Promise<EntryRow[]> {
  if (reportIds.length === 0) return [];
  return db.selectFrom('progress_entries').selectAll().where('report_id', 'in', reportIds).execute();
}

function selectEvidence(db: Db | Tx) {
  return db
    .selectFrom('progress_evidence')
    .innerJoin('users as uploader', 'uploader.id', 'progress_evidence.uploaded_by')
    .select([
      'progress_evidence.id',
      'progress_evidence.report_id',
      'progress_evidence.activity_key',
      'progress_evidence.file_name',
      'progress_evidence.media_type',
      'progress_evidence.size',
      'progress_evidence.uploaded_by',
      'progress_evidence.created_at',
      'uploader.name as uploaded_by_name',
    ]);
}

/** Evidence of the reports, oldest first, without content. */
export async function listEvidence(db: Db | Tx, reportIds: readonly string[]): Promise<EvidenceRow[]> {
  if (reportIds.length === 0) return [];
  return selectEvidence(db)
    .where('progress_evidence.report_id', 'in', reportIds)
    .orderBy('progress_evidence.created_at')
    .orderBy('progress_evidence.id')
    .execute();
}

export function findEvidence(db: Db | Tx, reportId: string, evidenceId: string): Promise<EvidenceRow | undefined> {
  return selectEvidence(db)
    .where('progress_evidence.report_id', '=', reportId)
    .where('progress_evidence.id', '=', evidenceId)
    .executeTakeFirst();
}

/** The base64 content of one evidence file of a report. */
export async function findEvidenceContent(
  db: Db | Tx,
  reportId: string,
  evidenceId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('progress_evidence')
    .select('content')
    .where('report_id', '=', reportId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return row?.content;
}

export async function insertEvidence(trx: Tx, row: ProgressEvidenceTable): Promise<void> {
  await trx.insertInto('progress_evidence').values(row).execute();
}

export async function deleteEvidence(trx: Tx, reportId: string, evidenceId: string): Promise<void> {
  await trx.deleteFrom('progress_evidence').where('report_id', '=', reportId).where('id', '=', evidenceId).execute();
}

export async function insertReport(trx: Tx, row: ProgressReportTable): Promise<void> {
  await trx.insertInto('progress_reports').values(row).execute();
}

export async function updateReport(
  trx: Tx,
  id: string,
  patch: Partial<Omit<ProgressReportTable, 'id' | 'period_id' | 'agency_id' | 'created_by' | 'created_at'>>,
): Promise<void> {
  await trx.updateTable('progress_reports').set(patch).where('id', '=', id).execute();
}

/** Makes the report's entries exactly the given ones. */
export async function replaceEntries(
  trx: Tx,
  reportId: string,
  entries: readonly { activityKey: string; status: string; narrative: string | null }[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('progress_entries').where('report_id', '=', reportId).execute();
  if (entries.length === 0) return;
  await trx
    .insertInto('progress_entries')
    .values(
      entries.map((e) => ({
        report_id: reportId,
        activity_key: e.activityKey,
        status: e.status,
        narrative: e.narrative,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * Entries of handed-in reports of the plan's periods ending on or before a date, most recent
 * period first and, within a period, the most recently updated entry first.
 */
export function listReportedEntries(
  db: Db | Tx,
  planId: string,
  endsOnOrBefore: string,
): Promise<{ activity_key: string; status: string; ends_on: string; updated_at: string }[]> {
  return db
    .selectFrom('progress_entries')
    .innerJoin('progress_reports', 'progress_reports.id', 'progress_entries.report_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .select([
      'progress_entries.activity_key',
      'progress_entries.status',
      'reporting_periods.ends_on',
      'progress_entries.updated_at',
    ])
    .where('reporting_periods.plan_id', '=', planId)
    .where('reporting_periods.ends_on', '<=', endsOnOrBefore)
    .where('progress_reports.status', 'in', HANDED_IN)
    .orderBy('reporting_periods.ends_on', 'desc')
    .orderBy('progress_entries.updated_at', 'desc')
    .execute();
}

/** Entered actuals of the plan in the given periods. */
export async function listActuals(db: Db | Tx, planId: string, periodIds: readonly string[]): Promise<ActualRow[]> {
  if (periodIds.length === 0) return [];
  return db
    .selectFrom('indicator_actuals')
    .innerJoin('users as enterer', 'enterer.id', 'indicator_actuals.entered_by')
    .selectAll('indicator_actuals')
    .select('enterer.name as entered_by_name')
    .where('indicator_actuals.plan_id', '=', planId)
    .where('indicator_actuals.period_id', 'in', periodIds)
    .execute();
}

export function findActual(db: Db | Tx, periodId: string, indicatorKey: string): Promise<ActualRow | undefined> {
  return db
    .selectFrom('indicator_actuals')
    .innerJoin('users as enterer', 'enterer.id', 'indicator_actuals.entered_by')
    .selectAll('indicator_actuals')
    .select('enterer.name as entered_by_name')
    .where('indicator_actuals.period_id', '=', periodId)
    .where('indicator_actuals.indicator_key', '=', indicatorKey)
    .executeTakeFirst();
}

export async function insertActual(trx: Tx, row: IndicatorActualTable): Promise<void> {
  await trx.insertInto('indicator_actuals').values(row).execute();
}

export async function updateActual(
  trx: Tx,
  id: string,
  patch: Pick<IndicatorActualTable, 'value' | 'disaggregation_json' | 'note' | 'entered_by' | 'entered_at'>,
): Promise<void> {
  await trx.updateTable('indicator_actuals').set(patch).where('id', '=', id).execute();
}

/** Names of agencies by id. */
export async function agencyNames(db: Db | Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
