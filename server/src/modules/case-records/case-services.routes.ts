import { caseCodeSchema, idSchema, pageOf, problemSchema, serviceInputSchema, serviceSchema } from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './case-services.service.ts';

const params = z.object({ code: caseCodeSchema });
const serviceParams = z.object({ code: caseCodeSchema, id: idSchema });
const serviceChangeSchema = serviceInputSchema
  .partial()
  .refine((v) => Object.values(v).some((field) => field !== undefined), 'Nothing to change');
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['cases'];

export function registerCaseServiceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/:code/services',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "A case's support plan (audited)",
        params,
        response: { 200: pageOf(serviceSchema), ...errors },
      },
    },
    (request) => service.listServices(ctx, requestContext(request), request.params.code),
  );

  app.post(
    '/api/v1/cases/:code/services',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Add a service to the support plan',
        params,
        body: serviceInputSchema,
        response: { 201: serviceSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createService(ctx, requestContext(request), request.params.code, request.body)),
  );

  app.patch(
    '/api/v1/cases/:code/services/:id',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Change a service of the support plan (the fields given)',
        params: serviceParams,
        body: serviceChangeSchema,
        response: { 200: serviceSchema, ...errors },
      },
    },
    (request) =>
      service.updateService(ctx, requestContext(request), request.params.code, request.params.id, request.body),
  );
}
