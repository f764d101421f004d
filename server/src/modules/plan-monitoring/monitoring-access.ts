import { hasPermission, type Actor } from '../../access/access.ts';
import { hiddenRecord, refused, type HttpProblem } from '../../http/errors.ts';

/**
 * Who sees and writes progress reports and actuals. The secretariat (`plan:manage`) sees every
 * lead agency's report and reviews them; an agency's focal point (`plan:report`) sees and
 * writes only its own agency's. Another agency's report is answered 404, as if missing;
 * a role with neither permission is refused (403). Everything else is denied.
 */
export type ReportScope = { kind: 'all' } | { kind: 'agency'; agencyId: string };

/** The reports the actor may read; 403 for a role that reads none. */
export function reportScopeOrThrow(actor: Actor): ReportScope {
  if (hasPermission(actor, 'plan:manage')) return { kind: 'all' };
  if (hasPermission(actor, 'plan:report')) return { kind: 'agency', agencyId: actor.agencyId };
  throw refused('forbidden', 'Only the secretariat and the agencies reporting see progress reports');
}

/** Another agency's report: 404, audited as a refusal. */
export function hiddenReport(periodId: string, reportId: string | undefined): HttpProblem {
  return reportId !== undefined
    ? hiddenRecord('progress_report', reportId, 'Report')
    : hiddenRecord('reporting_period', periodId, 'Report');
}

/** Read access to an agency's report of a period. */
export function requireReportRead(actor: Actor, agencyId: string, periodId: string, reportId?: string): ReportScope {
  const scope = reportScopeOrThrow(actor);
  if (scope.kind === 'agency' && scope.agencyId !== agencyId) throw hiddenReport(periodId, reportId);
  return scope;
}

/** Writing a report or its evidence: the agency's own focal point only. */
export function requireReportWrite(actor: Actor, agencyId: string, periodId: string, reportId?: string): void {
  if (!hasPermission(actor, 'plan:report') || actor.agencyId !== agencyId) throw hiddenReport(periodId, reportId);
}

/** Entering actuals: the secretariat for any indicator, a focal point for those of its agency's activities. */
export function actualScopeOrThrow(actor: Actor): ReportScope {
  if (hasPermission(actor, 'plan:manage')) return { kind: 'all' };
  if (hasPermission(actor, 'plan:report')) return { kind: 'agency', agencyId: actor.agencyId };
  throw refused('forbidden', 'Only the secretariat and the agencies reporting enter actuals');
}
