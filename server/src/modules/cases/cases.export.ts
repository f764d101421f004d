import type { CaseListItemDto, exportCasesQuerySchema } from '@kinga/shared';
import type { z } from 'zod';
import type { AppContext, RequestContext } from '../../context.ts';
import { toCsv, toXlsx, type Column } from '../../lib/spreadsheet.ts';
import { caseAudit, listScope, today } from './cases.service.ts';
import { presentCaseListItem } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';

/** At most this many rows per export: a national register is exported by the backup, not here. */
export const EXPORT_MAX_ROWS = 10_000;

type Row = CaseListItemDto;

// Columns every exporting role may see: codes and picklist values, never identifying details.
const DEIDENTIFIED_COLUMNS: Column<Row>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'status', value: (r) => r.status },
  { header: 'trafficking_status', value: (r) => r.traffickingStatus },
  { header: 'gender', value: (r) => r.gender },
  { header: 'age_band', value: (r) => r.ageBand },
  { header: 'county_code', value: (r) => r.countyCode },
  { header: 'exploitation_types', value: (r) => r.exploitationTypes.join(';') },
  { header: 'agency', value: (r) => r.agencyName },
  { header: 'created_at', value: (r) => r.createdAt },
];
// The owning agency also sees who works on a case and when it is due.
const AGENCY_COLUMNS: Column<Row>[] = [
  ...DEIDENTIFIED_COLUMNS,
  { header: 'draft', value: (r) => (r.draft ? 'yes' : 'no') },
  { header: 'owner', value: (r) => r.ownerName },
  { header: 'follow_up_at', value: (r) => r.followUpAt },
  { header: 'follow_up_overdue', value: (r) => (r.followUpOverdue ? 'yes' : 'no') },
  { header: 'closure_requested', value: (r) => (r.closureRequested ? 'yes' : 'no') },
];

export interface ExportFile {
  fileName: string;
  mediaType: string;
  body: string | Buffer;
}

/** The filtered list as CSV or XLSX, with the columns the caller's role may see; audited. */
export async function exportCases(
  ctx: AppContext,
  rc: RequestContext,
  query: z.output<typeof exportCasesQuerySchema>,
): Promise<ExportFile> {
  const scope = listScope(ctx, rc.actor);
  const day = today();
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await repo.listCases(
      ctx.db,
      scope,
      { ...query, limit: 200, ...(cursor ? { cursor } : {}) },
      rc.actor.userId,
      day,
    );
    rows.push(...page.rows.map((r) => presentCaseListItem(r, day)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  const columns = scope.kind === 'agency' ? AGENCY_COLUMNS : DEIDENTIFIED_COLUMNS;
  await ctx.audit.record(caseAudit(rc, `case.export.${query.format}`, null));
  const fileName = `kinga-cases-${day}.${query.format}`;
  return query.format === 'csv'
    ? { fileName, mediaType: 'text/csv; charset=utf-8', body: toCsv(columns, rows.slice(0, EXPORT_MAX_ROWS)) }
    : {
        fileName,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: toXlsx(columns, rows.slice(0, EXPORT_MAX_ROWS), 'Cases'),
      };
}
