import type {
  CommentThreadDto,
  PlanDto,
  PlanSummaryDto,
  PlanTransition,
  PlanVersionStatus,
  PlanVersionSummaryDto,
  ReportingFrequency,
  VersionStepDto,
} from '@kinga/shared';
import type { CommentListRow, PlanRow, StepListRow, VersionRow } from './plans.repository.ts';

export function presentVersionSummary(row: VersionRow): PlanVersionSummaryDto {
  return {
    number: row.number,
    status: row.status as PlanVersionStatus,
    basedOn: row.based_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A plan with its latest and adopted version (every plan has version 1 from its creation). */
export function presentPlanSummary(row: PlanRow, versions: readonly VersionRow[]): PlanSummaryDto {
  const sorted = sortedVersions(versions);
  const latest = sorted[sorted.length - 1];
  if (!latest) throw new Error(`plan ${row.id} has no version`);
  return {
    id: row.id,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    currency: row.currency,
    reportingFrequency: row.reporting_frequency as ReportingFrequency,
    submissionDeadline: row.submission_deadline,
    latestVersion: presentVersionSummary(latest),
    adoptedVersion: sorted.find((v) => v.status === ('adopted' satisfies PlanVersionStatus))?.number ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A plan with all its versions, oldest first. */
export function presentPlan(row: PlanRow, versions: readonly VersionRow[]): PlanDto {
  return { ...presentPlanSummary(row, versions), versions: sortedVersions(versions).map(presentVersionSummary) };
}

function sortedVersions(versions: readonly VersionRow[]): VersionRow[] {
  return [...versions].sort((a, b) => a.number - b.number);
}

export function presentStep(row: StepListRow): VersionStepDto {
  return {
    transition: row.transition as PlanTransition,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
    decisionId: row.decision_id,
    decisionText: row.decision_text,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    note: row.note,
  };
}

/** Groups a version's comments (oldest first) into threads, in the order they were opened. */
export function presentThreads(rows: readonly CommentListRow[]): CommentThreadDto[] {
  const threads = new Map<string, CommentThreadDto>();
  for (const row of rows) {
    let thread = threads.get(row.thread_id);
    if (!thread) {
      thread = {
        id: row.thread_id,
        elementKey: row.element_key,
        resolved: false,
        resolvedAt: null,
        resolvedByName: null,
        comments: [],
      };
      threads.set(row.thread_id, thread);
    }
    if (row.id === row.thread_id) {
      // The thread's state lives on its first comment.
      thread.elementKey = row.element_key;
      thread.resolved = row.resolved_at !== null;
      thread.resolvedAt = row.resolved_at;
      thread.resolvedByName = row.resolved_at !== null ? row.resolved_by_name : null;
    }
    thread.comments.push({
      id: row.id,
      threadId: row.thread_id,
      elementKey: row.element_key,
      authorId: row.author_id,
      authorName: row.author_name,
      agencyName: row.agency_name,
      body: row.body,
      createdAt: row.created_at,
    });
  }
  return [...threads.values()];
}
