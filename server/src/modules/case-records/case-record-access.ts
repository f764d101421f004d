import type { SharedSection } from '@kinga/shared';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { refused } from '../../http/errors.ts';
import { loadCase, loadEditableCase as loadEditableCaseOf, type CaseView } from '../cases/case-access.ts';
import type { CaseRow } from '../cases/cases.repository.ts';

/**
 * Record-level checks for what is kept under a case (screenings, support plan, notes,
 * attachments). The rules themselves stay in `cases/case-access.ts`; this only says which
 * view each kind of record needs.
 */

/** The case for a change: its owning agency's staff, the case open (404 outside, 403 read-only, 409 closed). */
export async function loadEditableCase(
  ctx: AppContext,
  trx: Tx,
  rc: RequestContext,
  code: string,
  options: { supervisor?: boolean } = {},
): Promise<CaseRow> {
  return loadEditableCaseOf(ctx, trx, rc.actor, code, options);
}

/**
 * The case for reading records of one kind: the owning agency always, other views only when
 * they hold the section (`null`: the owning agency only). A case the caller may see but not
 * this part of it answers 403, audited; a case it may not see 404.
 */
export async function loadCaseFor(
  ctx: AppContext,
  db: Db,
  rc: RequestContext,
  code: string,
  section: SharedSection | null,
  refusal: { code: string; title: string },
): Promise<{ row: CaseRow; view: CaseView }> {
  const loaded = await loadCase(ctx, db, rc.actor, code);
  const allowed = loaded.view.kind === 'full' || (section !== null && loaded.view.sections.includes(section));
  if (!allowed) throw refused(refusal.code, refusal.title, 'case', loaded.row.id);
  return loaded;
}
