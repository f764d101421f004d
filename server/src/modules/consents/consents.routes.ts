import {
  caseCodeSchema,
  consentInputSchema,
  consentSchema,
  idSchema,
  pageOf,
  problemSchema,
  reasonSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './consents.service.ts';

const params = z.object({ code: caseCodeSchema });
const consentParams = z.object({ code: caseCodeSchema, id: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['cases'];

export function registerConsentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/:code/consents',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "The case's consents (owning agency; audited)",
        params,
        response: { 200: pageOf(consentSchema), ...errors },
      },
    },
    (request) => service.listConsents(ctx, requestContext(request), request.params.code),
  );

  app.post(
    '/api/v1/cases/:code/consents',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Record a consent; a referral consent names the receiving agency and what it may see',
        params,
        body: consentInputSchema,
        response: { 201: consentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.recordConsent(ctx, requestContext(request), request.params.code, request.body)),
  );

  app.post(
    '/api/v1/cases/:code/consents/:id/withdraw',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Withdraw a consent; what it opened to another agency closes at once',
        params: consentParams,
        body: reasonSchema,
        response: { 200: consentSchema, ...errors },
      },
    },
    (request) =>
      service.withdrawConsent(
        ctx,
        requestContext(request),
        request.params.code,
        request.params.id,
        request.body.reason,
      ),
  );
}
