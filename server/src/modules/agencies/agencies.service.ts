import type { AgencyDto, createAgencySchema } from '@kinga/shared';
import type { z } from 'zod';
import { requireAccess } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { assertCounty } from '../../country.ts';
import { nowIso } from '../../db/ids.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { presentAgency } from './agencies.presenter.ts';
import * as repo from './agencies.repository.ts';

type CreateAgency = z.output<typeof createAgencySchema>;
type UpdateAgency = Partial<CreateAgency> & { status?: 'active' | 'inactive' };
type ListQuery = Parameters<typeof repo.listAgencies>[1];

export async function listAgencies(ctx: AppContext, query: ListQuery) {
  const page = await repo.listAgencies(ctx.db, query);
  return { items: page.rows.map(presentAgency), nextCursor: page.nextCursor };
}

export async function getAgency(ctx: AppContext, id: string): Promise<AgencyDto> {
  const row = await repo.findAgency(ctx.db, id);
  if (!row) throw notFound('Agency');
  return presentAgency(row);
}

export async function createAgency(ctx: AppContext, rc: RequestContext, input: CreateAgency): Promise<AgencyDto> {
  requireAccess(rc.actor, { action: 'agency:manage' });
  assertCounty(ctx.config.country, input.countyCode, 'body.countyCode');
  const row = repo.newAgencyRow(input);

  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.isAgencyNameTaken(trx, row.name))
      throw conflict('agency_name_taken', 'An agency with this name exists');
    await repo.insertAgency(trx, row);
    await ctx.audit.inTransaction(trx, auditOf(rc, 'agency.create', row.id));
  });
  return presentAgency(row);
}

export async function updateAgency(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  input: UpdateAgency,
): Promise<AgencyDto> {
  requireAccess(rc.actor, { action: 'agency:manage' });
  assertCounty(ctx.config.country, input.countyCode, 'body.countyCode');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findAgency(trx, id);
    if (!current) throw notFound('Agency');
    // Deactivating one's own agency would end one's own session and could lock every administrator out.
    if (input.status === 'inactive' && id === rc.actor.agencyId) {
      throw conflict('own_agency', 'You cannot deactivate your own agency');
    }
    if (input.name !== undefined && (await repo.isAgencyNameTaken(trx, input.name, id))) {
      throw conflict('agency_name_taken', 'An agency with this name exists');
    }
    const patch: Partial<repo.AgencyRow> = { updated_at: nowIso() };
    if (input.name !== undefined) Object.assign(patch, { name: input.name, name_lower: input.name.toLowerCase() });
    if (input.type !== undefined) patch.type = input.type;
    if (input.countyCode !== undefined) patch.county_code = input.countyCode;
    if (input.contactEmail !== undefined) patch.contact_email = input.contactEmail;
    if (input.contactPhone !== undefined) patch.contact_phone = input.contactPhone;
    if (input.address !== undefined) patch.address = input.address;
    if (input.status !== undefined) patch.status = input.status;
    await repo.updateAgency(trx, id, patch);
    // A deactivated agency's staff lose access at once.
    if (input.status === 'inactive' && current.status === 'active') await repo.deleteAgencySessions(trx, id);
    const action =
      input.status && input.status !== current.status
        ? `agency.${input.status === 'active' ? 'activate' : 'deactivate'}`
        : 'agency.update';
    await ctx.audit.inTransaction(trx, auditOf(rc, action, id));
    return presentAgency({ ...current, ...patch });
  });
}

function auditOf(rc: RequestContext, action: string, agencyId: string) {
  return {
    action,
    outcome: 'success' as const,
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'agency',
    entityId: agencyId,
    requestId: rc.requestId,
  };
}
