import {
  ATTACHMENT_MAX_BYTES,
  attachmentSchema,
  caseCodeSchema,
  idSchema,
  pageOf,
  pageQuerySchema,
  problemSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import { HttpProblem } from '../../http/errors.ts';
import { contentDisposition } from '../../lib/uploads.ts';
import * as service from './case-attachments.service.ts';

const params = z.object({ code: caseCodeSchema });
const attachmentParams = z.object({ code: caseCodeSchema, id: idSchema });
// Loose: the validated headers replace the request's, which must keep every other header.
const uploadHeaders = z.looseObject({
  'x-file-name': z.string().min(1).max(4000).describe("The file's original name, URI-encoded"),
});
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['cases'];

/** Fastify's own refusals of an upload body, in the words of this route. */
function uploadProblem(error: unknown): HttpProblem | null {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'attachment_too_large', 'The file is larger than 5 MB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(
        415,
        'unsupported_media_type',
        "Send the file with Content-Type application/octet-stream or the file's own type",
      );
    default:
      return null;
  }
}

export function registerAttachmentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/:code/attachments',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "A case's attachments, newest first (owning agency; audited)",
        params,
        querystring: pageQuerySchema,
        response: { 200: pageOf(attachmentSchema), ...errors },
      },
    },
    (request) => service.listAttachments(ctx, requestContext(request), request.params.code, request.query),
  );

  app.get(
    '/api/v1/cases/:code/attachments/:id/content',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: 'Download an attachment (owning agency; every download audited)',
        params: attachmentParams,
        // 200 is the file itself, not JSON: it has no response schema.
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await service.downloadAttachment(
        ctx,
        requestContext(request),
        request.params.code,
        request.params.id,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.content as never);
    },
  );

  // The upload takes the file as the raw body, whatever type the client declares: its own
  // scope accepts any content type as bytes, up to the attachment limit, on this route only.
  void app.register((uploads: App, _options, done) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
      (_request, body, parsed) => parsed(null, body),
    );
    // Rethrown, every error reaches the application's handler, which renders and audits it.
    uploads.setErrorHandler((error) => {
      throw uploadProblem(error) ?? error;
    });
    uploads.post(
      '/api/v1/cases/:code/attachments',
      {
        config: { access: 'case:write' },
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: {
          tags,
          summary: 'Attach a file (PDF, JPEG, PNG, WebP; at most 5 MB) sent as the raw body',
          params,
          headers: uploadHeaders,
          response: {
            201: attachmentSchema,
            ...errors,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const content = Buffer.isBuffer(request.body) ? request.body : null;
        const dto = await service.uploadAttachment(ctx, requestContext(request), request.params.code, {
          fileNameHeader: request.headers['x-file-name'],
          content,
        });
        return reply.code(201).send(dto);
      },
    );
    done();
  });
}
