import {
  NATIONAL_COUNTY_CODE,
  type PartnerDto,
  type PartnerMatrixDto,
  type listPartnersQuerySchema,
  type partnerMatrixQuerySchema,
  type partnerProfileInputSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { hiddenRecord, notFound, refused, validationFailed } from '../../http/errors.ts';
import { findAgency } from '../agencies/agencies.repository.ts';
import { fieldsOf } from '../plans/plan-elements.ts';
import { buildPartnerMatrix, type PlanActivity } from './partner-matrix.ts';
import { presentPartner } from './partners.presenter.ts';
import * as repo from './partners.repository.ts';

type ProfileInput = z.output<typeof partnerProfileInputSchema>;

function partnerAudit(rc: RequestContext, action: string, agencyId: string | null): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: agencyId ? 'agency' : null,
    entityId: agencyId,
    requestId: rc.requestId,
  };
}

/** Partner profiles by agency name; audited, as they hold focal persons' contact details. */
export async function listPartners(
  ctx: AppContext,
  rc: RequestContext,
  query: z.output<typeof listPartnersQuerySchema>,
): Promise<{ items: PartnerDto[]; nextCursor: string | null }> {
  const page = await repo.listPartnerAgencies(ctx.db, query);
  const parts = await repo.loadProfileParts(
    ctx.db,
    page.rows.map((r) => r.id),
  );
  await ctx.audit.record(partnerAudit(rc, 'partner.list', null));
  return {
    items: page.rows.map((r) => presentPartner(r, parts.get(r.id) ?? emptyParts())),
    nextCursor: page.nextCursor,
  };
}

const emptyParts = (): repo.ProfileParts => ({ focalPersons: [], memberships: [], presence: [] });

export async function getPartner(ctx: AppContext, rc: RequestContext, agencyId: string): Promise<PartnerDto> {
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw notFound('Partner');
  const parts = await repo.loadProfileParts(ctx.db, [agencyId]);
  await ctx.audit.record(partnerAudit(rc, 'partner.read', agencyId));
  return presentPartner(agency, parts.get(agencyId) ?? emptyParts());
}

/**
 * Who may change which part of a profile: the secretariat every agency's, memberships
 * included; a focal point the own agency's, but not its memberships (the committee
 * decides those); another agency's profile is not the focal point's to see changing (404).
 */
function requirePartnerEdit(actor: Actor, agencyId: string, input: ProfileInput): void {
  if (!hasPermission(actor, 'partner:manage')) throw refused('forbidden', 'You may not do this', 'agency', agencyId);
  if (actor.roles.includes('secretariat')) return;
  if (!actor.roles.includes('focal_point') || actor.agencyId !== agencyId) {
    throw hiddenRecord('agency', agencyId, 'Partner');
  }
  if (input.memberships !== undefined) {
    throw refused(
      'memberships_by_secretariat',
      'Only the secretariat changes memberships of the coordination bodies',
      'agency',
      agencyId,
    );
  }
}

function assertCounties(ctx: AppContext, input: ProfileInput): void {
  const known = new Set(countryProfile(ctx.config.country).counties.map((c) => c.code));
  const issues = input.presence.flatMap((p, i) =>
    p.national
      ? []
      : p.countyCodes.flatMap((code, j) =>
          known.has(code)
            ? []
            : [{ path: `body.presence.${i}.countyCodes.${j}`, message: 'Unknown county', code: 'unknown_county' }],
        ),
  );
  if (issues.length > 0) throw validationFailed(issues);
}

/** Replaces an agency's partner profile (memberships only when sent) in one audited transaction. */
export async function updatePartner(
  ctx: AppContext,
  rc: RequestContext,
  agencyId: string,
  input: ProfileInput,
): Promise<PartnerDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const agency = await findAgency(trx, agencyId);
    if (!agency) throw notFound('Partner');
    requirePartnerEdit(rc.actor, agencyId, input);
    assertCounties(ctx, input);
    const now = nowIso();
    await repo.setMandate(trx, agencyId, input.mandate, now);
    await repo.replaceFocalPersons(
      trx,
      agencyId,
      input.focalPersons.map((p, position) => ({
        id: newId(),
        agency_id: agencyId,
        position,
        name: p.name,
        title: p.title,
        email: p.email,
        phone: p.phone,
        created_at: now,
      })),
    );
    if (input.memberships !== undefined) {
      const before = (await repo.loadProfileParts(trx, [agencyId])).get(agencyId)?.memberships ?? [];
      const createdAt = new Map(before.map((m) => [m.body, m.created_at]));
      await repo.replaceMemberships(
        trx,
        agencyId,
        input.memberships.map((m) => ({
          id: newId(),
          body: m.body,
          agency_id: agencyId,
          role: m.role,
          since: m.since,
          created_at: createdAt.get(m.body) ?? now,
        })),
      );
    }
    await repo.replacePresence(
      trx,
      agencyId,
      input.presence.flatMap((p) =>
        (p.national ? [NATIONAL_COUNTY_CODE] : p.countyCodes).map((county_code) => ({
          agency_id: agencyId,
          area: p.area,
          county_code,
        })),
      ),
    );
    await ctx.audit.inTransaction(trx, partnerAudit(rc, 'partner.update', agencyId));
    const parts = await repo.loadProfileParts(trx, [agencyId]);
    return presentPartner({ ...agency, mandate: input.mandate, updated_at: now }, parts.get(agencyId) ?? emptyParts());
  });
}

/** The "who does what where" matrix and the number of active partners per county, for the map. */
export async function partnerMatrix(
  ctx: AppContext,
  query: z.output<typeof partnerMatrixQuerySchema>,
): Promise<PartnerMatrixDto> {
  const [presence, stored] = await Promise.all([
    repo.listActivePresence(ctx.db, query.area),
    repo.listAdoptedActivities(ctx.db),
  ]);
  const activities: PlanActivity[] = [];
  for (const row of stored) {
    let fields;
    try {
      fields = fieldsOf(row);
    } catch (error) {
      // One malformed element must not take the partner pages down with it; the plan module owns the data.
      ctx.logger.warn({ err: error }, 'an adopted activity does not parse; left out of the partner matrix');
      continue;
    }
    if (fields.kind !== 'activity') continue;
    activities.push({
      area: fields.area,
      leadAgencyId: fields.leadAgencyId,
      supportingAgencyIds: fields.supportingAgencyIds,
      countyCodes: fields.countyCodes,
    });
  }
  const named = new Set(
    activities.flatMap((a) => [...(a.leadAgencyId ? [a.leadAgencyId] : []), ...a.supportingAgencyIds]),
  );
  return buildPartnerMatrix({
    presence,
    activities,
    activeAgencyNames: await repo.activeAgencyNames(ctx.db, [...named]),
    counties: countryProfile(ctx.config.country).counties,
    area: query.area,
    countyCode: query.countyCode,
  });
}
