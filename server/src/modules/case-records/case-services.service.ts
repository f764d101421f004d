import type { serviceInputSchema, ServiceDto } from '@kinga/shared';
import type { z } from 'zod';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { caseAudit } from '../cases/cases.service.ts';
import { loadCaseFor, loadEditableCase } from './case-record-access.ts';
import { presentService } from './case-services.presenter.ts';
import * as repo from './case-services.repository.ts';

export type ServiceInput = z.output<typeof serviceInputSchema>;

const NOT_VISIBLE = { code: 'services_not_visible', title: "You may not see this case's support plan" };

/** Checks what the schema cannot: the provider agency exists and the service does not end before it starts. */
async function checkService(
  trx: Tx,
  s: Pick<ServiceInput, 'providerAgencyId' | 'startDate' | 'endDate'>,
  changed: { providerAgencyId: boolean },
) {
  const issues: { path: string; message: string; code: string }[] = [];
  if (changed.providerAgencyId && s.providerAgencyId && !(await repo.agencyExists(trx, s.providerAgencyId))) {
    issues.push({ path: 'body.providerAgencyId', message: 'No such agency', code: 'unknown_agency' });
  }
  // ISO dates compare as text.
  if (s.startDate && s.endDate && s.endDate < s.startDate) {
    issues.push({ path: 'body.endDate', message: 'The end date is before the start date', code: 'end_before_start' });
  }
  if (issues.length) throw validationFailed(issues);
}

/** The support plan, for the owning agency and views that hold the services section. */
export async function listServices(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
): Promise<{ items: ServiceDto[]; nextCursor: null }> {
  const { row, view } = await loadCaseFor(ctx, ctx.db, rc, code, 'services', NOT_VISIBLE);
  const rows = await repo.listServices(ctx.db, row.id);
  await ctx.audit.record(caseAudit(rc, 'case.service.list', row.id));
  return { items: rows.map((r) => presentService(ctx.dataKeys, r, view)), nextCursor: null };
}

/** Adds a service to the plan of an open case of the caller's agency. */
export async function createService(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: ServiceInput,
): Promise<ServiceDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc, code);
    await checkService(trx, input, { providerAgencyId: true });
    const id = newId();
    const now = nowIso();
    await repo.insertService(trx, {
      id,
      case_id: row.id,
      type: input.type,
      provider_agency_id: input.providerAgencyId,
      start_date: input.startDate,
      end_date: input.endDate,
      status: input.status,
      details_enc: ctx.dataKeys.seal(input.details ?? null, 'case_services', id, 'details_enc'),
      created_by: rc.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.service.create', row.id));
    return id;
  });
  return readService(ctx, rc, code, id);
}

/** Changes the given fields of one service; the others keep their values. */
export async function updateService(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  id: string,
  input: Partial<ServiceInput>,
): Promise<ServiceDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc, code);
    const current = await repo.findService(trx, row.id, id);
    if (!current) throw notFound('Service');
    const next = {
      providerAgencyId: input.providerAgencyId !== undefined ? input.providerAgencyId : current.provider_agency_id,
      startDate: input.startDate !== undefined ? input.startDate : current.start_date,
      endDate: input.endDate !== undefined ? input.endDate : current.end_date,
    };
    await checkService(trx, next, {
      providerAgencyId: next.providerAgencyId !== current.provider_agency_id,
    });
    await repo.updateService(trx, id, {
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.details !== undefined
        ? { details_enc: ctx.dataKeys.seal(input.details, 'case_services', id, 'details_enc') }
        : {}),
      provider_agency_id: next.providerAgencyId,
      start_date: next.startDate,
      end_date: next.endDate,
      updated_at: nowIso(),
    });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.service.update', row.id));
  });
  return readService(ctx, rc, code, id);
}

/** One service as the writer now sees it; the write's audit row covers this read. */
async function readService(ctx: AppContext, rc: RequestContext, code: string, id: string): Promise<ServiceDto> {
  const { row, view } = await loadCaseFor(ctx, ctx.db, rc, code, 'services', NOT_VISIBLE);
  const service = await repo.findService(ctx.db, row.id, id);
  if (!service) throw notFound('Service');
  return presentService(ctx.dataKeys, service, view);
}
