import {
  idSchema,
  listPartnersQuerySchema,
  pageOf,
  partnerMatrixQuerySchema,
  partnerMatrixSchema,
  partnerProfileInputSchema,
  partnerSchema,
  problemSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './partners.service.ts';

const params = z.object({ agencyId: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['partners'];

export function registerPartnerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/partners',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Partner profiles of the agencies, by name (audited: they hold contact details)',
        querystring: listPartnersQuerySchema,
        response: { 200: pageOf(partnerSchema), ...errors },
      },
    },
    (request) => service.listPartners(ctx, requestContext(request), request.query),
  );

  app.get(
    '/api/v1/partners/matrix',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Who does what where: agencies × activity areas × counties, and partners per county',
        querystring: partnerMatrixQuerySchema,
        response: { 200: partnerMatrixSchema, ...errors },
      },
    },
    (request) => service.partnerMatrix(ctx, request.query),
  );

  app.get(
    '/api/v1/partners/:agencyId',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: "An agency's partner profile (audited)",
        params,
        response: { 200: partnerSchema, ...errors },
      },
    },
    (request) => service.getPartner(ctx, requestContext(request), request.params.agencyId),
  );

  app.put(
    '/api/v1/partners/:agencyId',
    {
      config: { access: 'partner:manage' },
      schema: {
        tags,
        summary: "Replace an agency's partner profile (focal point: own agency, without memberships)",
        params,
        body: partnerProfileInputSchema,
        response: { 200: partnerSchema, ...errors },
      },
    },
    (request) => service.updatePartner(ctx, requestContext(request), request.params.agencyId, request.body),
  );
}
