import { EVIDENCE_MEDIA_TYPES, type EvidenceDto, type EvidenceMediaType } from '@kinga/shared';
import type { Actor } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, hiddenRecord, notFound } from '../../http/errors.ts';
import { checkUpload, detectMediaType } from '../../lib/uploads.ts';
import { getPeriodOrThrow, loadMonitoredPlan, activitiesLedBy } from './monitored-plan.ts';
import { requireReportRead, reportScopeOrThrow } from './monitoring-access.ts';
import * as repo from './monitoring.repository.ts';
import { isEditableStatus, loadOwnReport, openDraft, reportAudit } from './reports.service.ts';
import { presentEvidence } from './reports.presenter.ts';

/**
 * Evidence files of a progress report (attendance sheets, training reports, photos of an
 * awareness event). Their type is judged by content, never by name or declared type. They
 * are plan documents, not victim records, and are kept as base64 in the clear like the rest
 * of the plan (migration 0004); every download is audited all the same.
 */

/** The media type of a file judged by its content; null when evidence may not be of that type. */
export function detectEvidenceType(content: Uint8Array): Promise<EvidenceMediaType | null> {
  return detectMediaType(content, EVIDENCE_MEDIA_TYPES);
}

/**
 * Adds a file to the caller's agency's report of a period, optionally for one of the
 * activities it leads (another activity: 404). Starts the draft when there is none; 409 once
 * the report is submitted or accepted.
 */
export async function uploadEvidence(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  upload: { activityKey: string | undefined; fileNameHeader: string; content: Buffer | null },
): Promise<EvidenceDto> {
  const file = await checkUpload(
    upload.fileNameHeader,
    upload.content,
    EVIDENCE_MEDIA_TYPES,
    'Attach a PDF, JPEG, PNG, WebP, DOCX or XLSX file',
  );
  const { reportId, id } = await ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadOwnReport(trx, rc, planId, periodId, agencyId);
    if (upload.activityKey !== undefined && !loaded.activities.some((a) => a.key === upload.activityKey)) {
      throw hiddenRecord('plan_element', upload.activityKey, 'Activity');
    }
    if (loaded.report && !isEditableStatus(loaded.report.status)) {
      throw conflict('report_not_editable', 'The report is submitted or accepted and can no longer change');
    }
    const now = nowIso();
    // A file added to a returned report leaves it returned; only saving the entries makes it a draft again.
    const reportId = loaded.report?.id ?? (await openDraft(trx, rc, loaded, now));
    const id = newId();
    await repo.insertEvidence(trx, {
      id,
      report_id: reportId,
      activity_key: upload.activityKey ?? null,
      file_name: file.fileName,
      media_type: file.mediaType,
      size: file.content.length,
      content: file.content.toString('base64'),
      uploaded_by: rc.actor.userId,
      created_at: now,
    });
    await ctx.audit.inTransaction(trx, reportAudit(rc, 'progress_report.evidence.upload', reportId));
    return { reportId, id };
  });
  const stored = await repo.findEvidence(ctx.db, reportId, id);
  if (!stored) throw notFound('Evidence');
  return presentEvidence(stored);
}

/** The report an evidence file belongs to, for reading: same scope as the report itself. */
async function readableReport(ctx: AppContext, actor: Actor, planId: string, periodId: string, agencyId: string) {
  reportScopeOrThrow(actor);
  const mp = await loadMonitoredPlan(ctx.db, planId);
  await getPeriodOrThrow(ctx.db, planId, periodId);
  if (activitiesLedBy(mp, agencyId).length === 0) throw notFound('Evidence');
  const report = await repo.findReport(ctx.db, periodId, agencyId);
  requireReportRead(actor, agencyId, periodId, report?.id);
  if (!report) throw notFound('Evidence');
  return report;
}

/** The file, for whoever may read the report; every download is audited before the bytes leave. */
export async function downloadEvidence(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  evidenceId: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const report = await readableReport(ctx, rc.actor, planId, periodId, agencyId);
  const evidence = await repo.findEvidence(ctx.db, report.id, evidenceId);
  const content = evidence ? await repo.findEvidenceContent(ctx.db, report.id, evidenceId) : undefined;
  if (!evidence || content === undefined) throw notFound('Evidence');
  await ctx.audit.record(reportAudit(rc, 'progress_report.evidence.download', report.id));
  return { fileName: evidence.file_name, mediaType: evidence.media_type, content: Buffer.from(content, 'base64') };
}

/** Removes a file from the caller's agency's report while it is a draft or returned. */
export async function deleteEvidence(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  evidenceId: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { report } = await loadOwnReport(trx, rc, planId, periodId, agencyId);
    const evidence = report ? await repo.findEvidence(trx, report.id, evidenceId) : undefined;
    if (!report || !evidence) throw notFound('Evidence');
    if (!isEditableStatus(report.status)) {
      throw conflict('report_not_editable', 'The report is submitted or accepted and can no longer change');
    }
    await repo.deleteEvidence(trx, report.id, evidenceId);
    await ctx.audit.inTransaction(trx, reportAudit(rc, 'progress_report.evidence.delete', report.id));
  });
}
