import type {
  ActualInput,
  DashboardDto,
  DocumentFormat,
  EvidenceDto,
  IndicatorProgressDto,
  Language,
  PlanDto,
  PlanVersionDto,
  ProgressReportDto,
  ProgressReportInput,
  ReportingPeriodDto,
} from '@kinga/shared';
import { request, uploadRaw, type Page } from './client.ts';
import { itemsOf } from './intake.ts';

export type { ActualInput, ProgressReportInput };

/** An indicator source and the breakdowns it can compute (GET /api/v1/indicator-sources). */
export interface IndicatorSourceDto {
  name: IndicatorProgressDto['source'];
  disaggregations: ('sex' | 'age_group' | 'county')[];
}

const planPath = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}`;
const periodPath = (planId: string, periodId: string) => `${planPath(planId)}/periods/${encodeURIComponent(periodId)}`;
const reportPath = (planId: string, periodId: string, agencyId: string) =>
  `${periodPath(planId, periodId)}/reports/${encodeURIComponent(agencyId)}`;

/** The plan's header: title, versions, the adopted version and the currency of its budgets. */
export const getPlanHeader = (planId: string) => request<PlanDto>('GET', planPath(planId));

/** One version with its elements: the monitoring pages read the indicators' breakdowns and parents from it. */
export const getPlanVersion = (planId: string, number: number) =>
  request<PlanVersionDto>('GET', `${planPath(planId)}/versions/${number}`);

/** The plan's reporting periods, oldest first. */
export const listPeriods = async (planId: string) =>
  itemsOf(await request<Page<ReportingPeriodDto> | ReportingPeriodDto[]>('GET', `${planPath(planId)}/periods`));

/** One report per lead agency of the version in force, started or not. */
export const listPeriodReports = async (planId: string, periodId: string) =>
  itemsOf(
    await request<Page<ProgressReportDto> | ProgressReportDto[]>('GET', `${periodPath(planId, periodId)}/reports`),
  );

export const getReport = (planId: string, periodId: string, agencyId: string) =>
  request<ProgressReportDto>('GET', reportPath(planId, periodId, agencyId));

/** Saves the draft: one entry per activity that has a status. */
export const saveReport = (planId: string, periodId: string, agencyId: string, input: ProgressReportInput) =>
  request<ProgressReportDto>('PUT', reportPath(planId, periodId, agencyId), { body: input });

export type ReportAction = 'submit' | 'accept' | 'return';

/** Submits the report, or (secretariat) accepts it or returns it with a comment. */
export const reviewReport = (
  planId: string,
  periodId: string,
  agencyId: string,
  action: ReportAction,
  comment: string | null,
) =>
  request<ProgressReportDto>('POST', `${reportPath(planId, periodId, agencyId)}/${action}`, {
    body: action === 'submit' ? {} : { comment },
  });

/** Uploads one evidence file for an activity as the raw body; the server checks its content. */
export const uploadEvidence = (planId: string, periodId: string, agencyId: string, activityKey: string, file: File) =>
  uploadRaw<EvidenceDto>(
    `${reportPath(planId, periodId, agencyId)}/evidence?activityKey=${encodeURIComponent(activityKey)}`,
    file,
    {
      'Content-Type': file.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(file.name),
    },
  );

/** Where an evidence file downloads from. */
export function evidenceUrl(planId: string, periodId: string, agencyId: string, evidenceId: string): string {
  return `${reportPath(planId, periodId, agencyId)}/evidence/${encodeURIComponent(evidenceId)}`;
}

export const deleteEvidence = (planId: string, periodId: string, agencyId: string, evidenceId: string) =>
  request<void>('DELETE', evidenceUrl(planId, periodId, agencyId, evidenceId));

/** Indicators of the version in force with their target, actual and status up to the period. */
export const listIndicators = async (planId: string, periodId: string) =>
  itemsOf(
    await request<Page<IndicatorProgressDto> | IndicatorProgressDto[]>('GET', `${planPath(planId)}/indicators`, {
      query: { periodId },
    }),
  );

/** Enters (or replaces) an indicator's actual for one period, with its breakdowns. */
export const saveActual = (planId: string, periodId: string, indicatorKey: string, input: ActualInput) =>
  request<unknown>('PUT', `${periodPath(planId, periodId)}/actuals/${encodeURIComponent(indicatorKey)}`, {
    body: input,
  });

export const listIndicatorSources = async () =>
  itemsOf(await request<Page<IndicatorSourceDto> | IndicatorSourceDto[]>('GET', '/api/v1/indicator-sources'));

export const getDashboard = (planId: string, periodId: string | undefined) =>
  request<DashboardDto>('GET', `${planPath(planId)}/dashboard`, { query: { periodId } });

/** The period's progress report as a document, opened as a plain download link. */
export function progressDocumentUrl(
  planId: string,
  periodId: string,
  format: DocumentFormat,
  language: Language,
): string {
  return `${periodPath(planId, periodId)}/document?format=${format}&lang=${language}`;
}
