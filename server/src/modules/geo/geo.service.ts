import type { CountyBoundariesInput, CountyBoundariesUploadDto } from '@kinga/shared';
import { requireAccess } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import { HttpProblem } from '../../http/errors.ts';
import { normaliseCountyBoundaries } from './county-boundaries.ts';
import * as repo from './geo.repository.ts';

/** The stored county boundaries as JSON text, ready to send; 404 `no_boundaries` before any upload. */
export async function getCountyBoundariesJson(ctx: AppContext): Promise<string> {
  const json = await repo.findBoundariesJson(ctx.db);
  if (json === undefined) throw new HttpProblem(404, 'no_boundaries', 'No county boundaries have been uploaded');
  return json;
}

/**
 * Replaces the county boundaries with an administrator's upload, once every feature matched
 * a county and every county has a feature; otherwise 400 with one issue per problem and
 * nothing stored.
 */
export async function putCountyBoundaries(
  ctx: AppContext,
  rc: RequestContext,
  input: Pick<CountyBoundariesInput, 'features'>,
): Promise<CountyBoundariesUploadDto> {
  requireAccess(rc.actor, { action: 'agency:manage' });
  const result = normaliseCountyBoundaries(input, countryProfile(ctx.config.country).counties);
  if (!result.ok) {
    throw new HttpProblem(
      400,
      'invalid_boundaries',
      'The boundary file does not fit the counties of this country',
      undefined,
      result.issues,
    );
  }
  const json = JSON.stringify(result.collection);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveBoundariesJson(trx, json);
    await ctx.audit.inTransaction(trx, {
      action: 'geo.counties.update',
      outcome: 'success',
      actorId: rc.actor.userId,
      agencyId: rc.actor.agencyId,
      entityType: 'county_boundaries',
      entityId: null,
      requestId: rc.requestId,
    });
  });
  return { matched: result.matched, missing: [], unmatched: [] };
}
