import {
  IMPORT_MAX_BYTES,
  idSchema,
  importErrorSchema,
  importSchema,
  importStartedSchema,
  importUploadQuerySchema,
  listImportsQuerySchema,
  pageOf,
  pageQuerySchema,
  problemSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import { HttpProblem } from '../../http/errors.ts';
import * as service from './imports.service.ts';

const params = z.object({ id: idSchema });
// Loose: the validated headers replace the request's, which must keep every other header.
const uploadHeaders = z.looseObject({
  'x-file-name': z.string().min(1).max(4000).describe("The file's original name, URI-encoded"),
});
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['imports'];

/** Fastify's own refusals of an upload body, in the words of this route. */
function uploadProblem(error: unknown): HttpProblem | null {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'import_too_large', 'The file is larger than 20 MB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'unsupported_media_type', 'Send the file as the raw body');
    default:
      return null;
  }
}

export function registerImportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/imports',
    {
      // Either import permission opens the list; the service narrows it to what the caller may see.
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Imports the caller may see, newest first (CTDC: analytics importers; HTCDS: own agency)',
        querystring: listImportsQuerySchema,
        response: { 200: pageOf(importSchema), ...errors },
      },
    },
    (request) => service.listImports(ctx, requestContext(request), request.query),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "An import's status, progress and counts",
        params,
        response: { 200: importSchema, ...errors },
      },
    },
    (request) => service.readImport(ctx, requestContext(request), request.params.id),
  );

  app.get(
    '/api/v1/imports/:id/errors',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The rows an import skipped: line, reason code and column (never a value)',
        params,
        querystring: pageQuerySchema,
        response: { 200: pageOf(importErrorSchema), ...errors },
      },
    },
    (request) => service.listImportErrors(ctx, requestContext(request), request.params.id, request.query),
  );

  // The file is the raw body, whatever type the client declares, up to the import limit.
  void app.register((uploads: App, _options, done) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, parsed) =>
      parsed(null, body),
    );
    // Rethrown, every error reaches the application's handler, which renders and audits it.
    uploads.setErrorHandler((error) => {
      throw uploadProblem(error) ?? error;
    });
    uploads.post(
      '/api/v1/imports',
      {
        config: { access: 'authenticated' },
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Import a CTDC CSV (analytics:import) or an HTCDS workbook (case:import), sent as the raw body; 202 while it runs, 200 when the same file was imported before',
          querystring: importUploadQuerySchema,
          headers: uploadHeaders,
          response: {
            200: importStartedSchema,
            202: importStartedSchema,
            ...errors,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const started = await service.startImport(ctx, requestContext(request), {
          kind: request.query.kind,
          agencyId: request.query.agencyId,
          fileNameHeader: request.headers['x-file-name'],
          content: Buffer.isBuffer(request.body) ? request.body : null,
        });
        return reply.code(started.duplicate ? 200 : 202).send(started);
      },
    );
    done();
  });

  // The work of an upload outlives its request: let it end before the database closes.
  app.addHook('onClose', () => service.waitForImports(ctx));
}
