import type { ActivityProgressStatus, EvidenceDto, ProgressReportDto, ReportStatus } from '@kinga/shared';
import type { PlanElement } from '../plans/plan-elements.ts';
import { isMissing } from './monitored-plan.ts';
import type { EntryRow, EvidenceRow, PeriodRow, ReportRow } from './monitoring.repository.ts';

export function presentEvidence(row: EvidenceRow): EvidenceDto {
  return {
    id: row.id,
    activityKey: row.activity_key,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    uploadedByName: row.uploaded_by_name,
    createdAt: row.created_at,
  };
}

/**
 * An agency's report of a period, with one entry per activity it leads in the version in
 * force (status and narrative null until reported), also when no report exists yet.
 */
export function presentReport(input: {
  period: PeriodRow;
  agencyId: string;
  agencyName: string;
  report: ReportRow | undefined;
  entries: readonly EntryRow[];
  evidence: readonly EvidenceRow[];
  activities: readonly PlanElement[];
  editable: boolean;
  today: string;
}): ProgressReportDto {
  const { period, report } = input;
  const entryOf = new Map(input.entries.map((e) => [e.activity_key, e]));
  const status = (report?.status ?? null) as ReportStatus | null;
  return {
    id: report?.id ?? null,
    periodId: period.id,
    periodLabel: period.label,
    agencyId: input.agencyId,
    agencyName: input.agencyName,
    status,
    missing: isMissing(period, status, input.today),
    submittedAt: report?.submitted_at ?? null,
    submittedByName: report?.submitted_by_name ?? null,
    reviewedAt: report?.reviewed_at ?? null,
    reviewedByName: report?.reviewed_by_name ?? null,
    reviewComment: report?.review_comment ?? null,
    entries: input.activities.map((a) => {
      const entry = entryOf.get(a.key);
      return {
        activityKey: a.key,
        activityNumber: a.number,
        activityTitle: a.fields.title,
        status: (entry?.status ?? null) as ActivityProgressStatus | null,
        narrative: entry?.narrative ?? null,
      };
    }),
    evidence: input.evidence.map(presentEvidence),
    editable: input.editable,
  };
}
