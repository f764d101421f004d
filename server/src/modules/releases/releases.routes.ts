import {
  createReleaseSchema,
  idSchema,
  pageQuerySchema,
  problemSchema,
  releaseListSchema,
  releaseSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './releases.service.ts';

const params = z.object({ id: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['releases'];

/** Protected record-level releases (k-anonymous or DP-synthetic), for analysts and the secretariat. */
export function registerReleaseRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/releases',
    {
      config: { access: 'analytics:release' },
      schema: {
        tags,
        summary: 'Build and store a protected release (synchronous: seconds on large data; audited)',
        body: createReleaseSchema,
        response: { 201: releaseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createRelease(ctx, requestContext(request), request.body)),
  );

  app.get(
    '/api/v1/releases',
    {
      config: { access: 'analytics:release' },
      schema: {
        tags,
        summary: 'Releases, newest first',
        querystring: pageQuerySchema,
        response: { 200: releaseListSchema, ...errors },
      },
    },
    (request) => service.listReleases(ctx, request.query),
  );

  app.get(
    '/api/v1/releases/:id',
    {
      config: { access: 'analytics:release' },
      schema: {
        tags,
        summary: "A release's parameters and utility metrics",
        params,
        response: { 200: releaseSchema, ...errors },
      },
    },
    (request) => service.readRelease(ctx, request.params.id),
  );

  app.get(
    '/api/v1/releases/:id/data.csv',
    {
      config: { access: 'analytics:release' },
      schema: {
        tags,
        summary: "The release's records as CSV with CTDC variable names (audited)",
        params,
        // 200 is a text/csv file: it has no JSON response schema.
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await service.downloadRelease(ctx, requestContext(request), request.params.id, 'csv');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body as never);
    },
  );

  app.get(
    '/api/v1/releases/:id/codebook',
    {
      config: { access: 'analytics:release' },
      schema: {
        tags,
        summary: "The release's codebook (Markdown): variables, categories, method, utility, citation (audited)",
        params,
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await service.downloadRelease(ctx, requestContext(request), request.params.id, 'codebook');
      return reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body as never);
    },
  );
}
