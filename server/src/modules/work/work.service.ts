import type { CaseListItemDto, ListCasesQuery, WorkDto } from '@kinga/shared';
import { hasPermission } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { isSupervisor } from '../cases/case-access.ts';
import { presentCaseListItem } from '../cases/cases.presenter.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import { caseAudit, listScope, today } from '../cases/cases.service.ts';
import { referralQueue } from '../referrals/referrals.service.ts';
import { listCasesAwaitingDetermination } from './work.repository.ts';

/** How many items each work list shows; the full lists are a filter away. */
export const WORK_LIST_LIMIT = 10;

const EMPTY_WORK: WorkDto = {
  myCases: [],
  overdueFollowUps: [],
  incomingReferrals: [],
  determinationsToConfirm: [],
  closuresToApprove: [],
  transfersToApprove: [],
};

/**
 * The home page's work lists: the caller's open cases and missed follow-ups, referrals waiting
 * for the agency's answer and, for supervisors, the decisions waiting for them. Roles that do
 * not work on cases get empty lists. Lists carry codes and picklist values only; audited.
 */
export async function getWork(ctx: AppContext, rc: RequestContext): Promise<WorkDto> {
  if (!hasPermission(rc.actor, 'case:write')) {
    await ctx.audit.record(caseAudit(rc, 'work.read', null));
    return EMPTY_WORK;
  }
  const day = today();
  const scope = listScope(ctx, rc.actor);
  const cases = async (query: Partial<ListCasesQuery>): Promise<CaseListItemDto[]> => {
    const page = await casesRepo.listCases(
      ctx.db,
      scope,
      { limit: WORK_LIST_LIMIT, sort: 'createdAt', order: 'desc', ...query },
      rc.actor.userId,
      day,
    );
    return page.rows.map((r) => presentCaseListItem(r, day));
  };
  // Open means Active or FollowUp: the newest of each, merged, are the newest open ones.
  const [active, followUp] = await Promise.all([
    cases({ mine: true, status: 'Active' }),
    cases({ mine: true, status: 'FollowUp' }),
  ]);
  const myCases = [...active, ...followUp]
    .sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1))
    .slice(0, WORK_LIST_LIMIT);
  const work: WorkDto = {
    ...EMPTY_WORK,
    myCases,
    overdueFollowUps: await cases({ mine: true, followUpOverdue: true, sort: 'followUpAt', order: 'asc' }),
    incomingReferrals: await referralQueue(ctx, rc, 'incoming', WORK_LIST_LIMIT),
  };
  if (isSupervisor(rc.actor)) {
    const awaiting = await listCasesAwaitingDetermination(ctx.db, rc.actor.agencyId, WORK_LIST_LIMIT);
    work.determinationsToConfirm = awaiting.map((r) => presentCaseListItem(r, day));
    work.closuresToApprove = await cases({ closureRequested: true, order: 'asc' });
    work.transfersToApprove = await referralQueue(ctx, rc, 'transfersToApprove', WORK_LIST_LIMIT);
  }
  await ctx.audit.record(caseAudit(rc, 'work.read', null));
  return work;
}
