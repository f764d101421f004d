import {
  countyBoundariesInputSchema,
  countyBoundariesSchema,
  countyBoundariesUploadSchema,
  problemSchema,
} from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './geo.service.ts';

/** A national boundary file is about 1 MB at full precision; the default body limit is 1 MB. */
export const BOUNDARIES_MAX_BYTES = 5 * 1024 * 1024;

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 413: problemSchema };
const tags = ['geo'];

export function registerGeoRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/geo/counties',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'County boundaries for maps (GeoJSON); 404 no_boundaries until an administrator uploads them',
        response: { 200: countyBoundariesSchema, ...errors },
      },
    },
    // Stored as the JSON it is answered with: no parse and re-serialisation of a megabyte per map view.
    async (request, reply) =>
      reply.type('application/json; charset=utf-8').send((await service.getCountyBoundariesJson(ctx)) as never),
  );

  app.put(
    '/api/v1/geo/counties',
    {
      config: { access: 'agency:manage' },
      bodyLimit: BOUNDARIES_MAX_BYTES,
      schema: {
        tags,
        summary: 'Upload county boundaries: a GeoJSON FeatureCollection with one feature per county (up to 5 MB)',
        body: countyBoundariesInputSchema,
        response: { 200: countyBoundariesUploadSchema, ...errors },
      },
    },
    (request) => service.putCountyBoundaries(ctx, requestContext(request), request.body),
  );
}
