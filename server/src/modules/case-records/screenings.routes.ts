import {
  caseCodeSchema,
  determinationInputSchema,
  idSchema,
  pageOf,
  problemSchema,
  screeningInputSchema,
  screeningSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './screenings.service.ts';

const params = z.object({ code: caseCodeSchema });
const screeningParams = z.object({ code: caseCodeSchema, id: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['cases'];

export function registerScreeningRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/:code/screenings',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "A case's screenings, newest first (audited)",
        params,
        response: { 200: pageOf(screeningSchema), ...errors },
      },
    },
    (request) => service.listScreenings(ctx, requestContext(request), request.params.code),
  );

  app.post(
    '/api/v1/cases/:code/screenings',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Record a screening; the server suggests the trafficking status (Palermo elements)',
        params,
        body: screeningInputSchema,
        response: { 201: screeningSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createScreening(ctx, requestContext(request), request.params.code, request.body)),
  );

  app.post(
    '/api/v1/cases/:code/screenings/:id/determination',
    {
      config: { access: 'case:supervise' },
      schema: {
        tags,
        summary: "A supervisor confirms or overrides a screening's suggested status",
        params: screeningParams,
        body: determinationInputSchema,
        response: { 200: screeningSchema, ...errors },
      },
    },
    (request) =>
      service.determineScreening(ctx, requestContext(request), request.params.code, request.params.id, request.body),
  );
}
