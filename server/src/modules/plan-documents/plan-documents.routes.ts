import { documentQuerySchema, idSchema, problemSchema, versionNumberSchema } from '@kinga/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './plan-documents.service.ts';

const planParams = z.object({ id: idSchema });
const versionParams = planParams.extend({ number: versionNumberSchema });
const periodParams = planParams.extend({ periodId: idSchema });
const meetingParams = z.object({ id: idSchema });
// 200 is a file (PDF or DOCX), not JSON: it has no response schema.
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

function sendFile(reply: FastifyReply, file: service.DocumentFile) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function registerPlanDocumentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/plans/:id/versions/:number/document',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['plans'],
        summary: 'A plan version as a PDF or DOCX document, in English or Swahili (audited)',
        params: versionParams,
        querystring: documentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await service.planVersionDocument(
          ctx,
          requestContext(request),
          request.params.id,
          request.params.number,
          request.query,
        ),
      ),
  );

  app.get(
    '/api/v1/plans/:id/periods/:periodId/document',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['plan monitoring'],
        summary: "A reporting period's progress report as a PDF or DOCX document (audited)",
        params: periodParams,
        querystring: documentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await service.periodReportDocument(
          ctx,
          requestContext(request),
          request.params.id,
          request.params.periodId,
          request.query,
        ),
      ),
  );

  app.get(
    '/api/v1/meetings/:id/minutes',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['meetings'],
        summary: "A meeting's minutes as a PDF or DOCX document (audited)",
        params: meetingParams,
        querystring: documentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await service.meetingMinutesDocument(ctx, requestContext(request), request.params.id, request.query),
      ),
  );
}
