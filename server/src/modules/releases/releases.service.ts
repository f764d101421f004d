import type { CreateRelease, ReleaseDto, ReleaseListDto } from '@kinga/shared';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { hiddenRecord } from '../../http/errors.ts';
import { statRecords } from '../analytics/stat-query.ts';
import { buildRelease, orderedAttributes } from './release-builder.ts';
import { releaseCodebook, releaseCsv } from './release-files.ts';
import { presentRelease } from './releases.presenter.ts';
import * as repo from './releases.repository.ts';

/** An audit row about a release: its id only, never its title or contents. */
function releaseAudit(rc: RequestContext, action: string, releaseId: string | null): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'release',
    entityId: releaseId,
    requestId: rc.requestId,
  };
}

/**
 * Builds a protected release from the de-identified view and stores it with its files, who
 * built it, when and with which parameters; audited. The build is synchronous: seconds on
 * tens of thousands of records (see bench suite `releases`).
 */
export async function createRelease(ctx: AppContext, rc: RequestContext, input: CreateRelease): Promise<ReleaseDto> {
  const attributes = orderedAttributes(input.attributes);
  const normalised: CreateRelease = { ...input, attributes };
  const histogram = await repo.loadHistogram(ctx.db, attributes, input);
  const includesCtdc =
    input.source !== 'case' &&
    (await statRecords(ctx.db, {
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
      source: 'ctdc',
    })
      .select('id')
      .limit(1)
      .executeTakeFirst()) !== undefined;
  const built = buildRelease(histogram, normalised);
  const id = newId();
  const createdAt = nowIso();
  const csv = releaseCsv(attributes, built.records, built.withheld);
  const codebook = releaseCodebook({
    title: input.title,
    method: input.method,
    source: input.source,
    attributes,
    params: built.params,
    metrics: built.metrics,
    records: built.records,
    createdAt,
    includesCtdc,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRelease(trx, {
      id,
      method: input.method,
      title: input.title,
      source: input.source,
      attributes_json: JSON.stringify(attributes),
      params_json: JSON.stringify(built.params),
      metrics_json: JSON.stringify(built.metrics),
      record_count: built.metrics.releasedRecords,
      csv,
      codebook,
      created_by: rc.actor.userId,
      created_at: createdAt,
    });
    await ctx.audit.inTransaction(trx, releaseAudit(rc, 'release.create', id));
  });
  return readRelease(ctx, id);
}

export async function listReleases(
  ctx: AppContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<ReleaseListDto> {
  const page = await repo.listReleases(ctx.db, query);
  return { items: page.rows.map(presentRelease), nextCursor: page.nextCursor };
}

/** A release's description: parameters and utility (no records). */
export async function readRelease(ctx: AppContext, id: string): Promise<ReleaseDto> {
  const row = await repo.findRelease(ctx.db, id);
  if (!row) throw hiddenRecord('release', id, 'Release');
  return presentRelease(row);
}

/** One of a release's files; every download is audited. */
export async function downloadRelease(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  file: 'csv' | 'codebook',
): Promise<{ fileName: string; body: string }> {
  const row = await repo.findReleaseFile(ctx.db, id, file);
  if (!row) throw hiddenRecord('release', id, 'Release');
  await ctx.audit.record(releaseAudit(rc, file === 'csv' ? 'release.download' : 'release.codebook', id));
  const base = `kinga-release-${row.id.slice(0, 8)}`;
  return { fileName: file === 'csv' ? `${base}.csv` : `${base}-codebook.md`, body: row.content };
}
