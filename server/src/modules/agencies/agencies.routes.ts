import {
  agencySchema,
  createAgencySchema,
  idSchema,
  listAgenciesQuerySchema,
  pageOf,
  problemSchema,
  updateAgencySchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './agencies.service.ts';

const params = z.object({ id: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerAgencyRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/agencies',
    {
      config: { access: 'agency:read' },
      schema: {
        tags: ['agencies'],
        summary: 'List agencies',
        querystring: listAgenciesQuerySchema,
        response: { 200: pageOf(agencySchema), ...errors },
      },
    },
    (request) => service.listAgencies(ctx, request.query),
  );

  app.post(
    '/api/v1/agencies',
    {
      config: { access: 'agency:manage' },
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency',
        body: createAgencySchema,
        response: { 201: agencySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createAgency(ctx, requestContext(request), request.body)),
  );

  app.get(
    '/api/v1/agencies/:id',
    {
      config: { access: 'agency:read' },
      schema: { tags: ['agencies'], summary: 'Read an agency', params, response: { 200: agencySchema, ...errors } },
    },
    (request) => service.getAgency(ctx, request.params.id),
  );

  app.patch(
    '/api/v1/agencies/:id',
    {
      config: { access: 'agency:manage' },
      schema: {
        tags: ['agencies'],
        summary: 'Change or (de)activate an agency',
        params,
        body: updateAgencySchema,
        response: { 200: agencySchema, ...errors },
      },
    },
    (request) => service.updateAgency(ctx, requestContext(request), request.params.id, request.body),
  );
}
