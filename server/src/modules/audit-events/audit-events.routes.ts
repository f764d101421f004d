import { auditEventSchema, listAuditQuerySchema, pageOf, problemSchema, type AuditEventDto } from '@kinga/shared';
import type { z } from 'zod';
import { requireAccess } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../db/keyset.ts';
import { requestContext, type App } from '../../http/app.ts';
import { badRequest } from '../../http/errors.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** Browses the audit trail, newest first; reading it is itself audited. */
export async function listAuditEvents(
  ctx: AppContext,
  rc: RequestContext,
  query: z.output<typeof listAuditQuerySchema>,
) {
  requireAccess(rc.actor, { action: 'audit:read' });
  let q = ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.seq',
      'e.id',
      'e.occurred_at',
      'e.actor_id',
      'e.agency_id',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'e.outcome',
      'e.request_id',
      'u.name as actor_name',
    ]);
  if (query.actorId) q = q.where('e.actor_id', '=', query.actorId);
  if (query.action) q = q.where('e.action', '=', query.action);
  if (query.entityType) q = q.where('e.entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('e.entity_id', '=', query.entityId);
  if (query.outcome) q = q.where('e.outcome', '=', query.outcome);
  if (query.from) q = q.where('e.occurred_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('e.occurred_at', '<=', new Date(query.to).toISOString());
  if (query.cursor) {
    const [seq] = decodeCursor(query.cursor);
    // A cursor of another list (or a forged one) must not reach the bigint comparison: PostgreSQL would fail with a 500.
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq))
      throw badRequest('invalid_cursor', 'The page cursor is not valid');
    q = q.where('e.seq', '<', seq);
  }
  const rows = await q
    .orderBy('e.seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  await ctx.audit.record({
    action: 'audit.list',
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'audit_event',
    requestId: rc.requestId,
  });
  return {
    items: page.map((r): AuditEventDto => ({
      id: r.id,
      seq: r.seq,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      agencyId: r.agency_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      outcome: r.outcome,
      requestId: r.request_id,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.seq, last.id) : null,
  };
}

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail, newest first',
        querystring: listAuditQuerySchema,
        response: { 200: pageOf(auditEventSchema), ...errors },
      },
    },
    (request) => listAuditEvents(ctx, requestContext(request), request.query),
  );
}
