import {
  caseCodeSchema,
  idSchema,
  listReferralsQuerySchema,
  pageOf,
  problemSchema,
  reasonSchema,
  referralInputSchema,
  referralSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './referrals.service.ts';

const caseParams = z.object({ code: caseCodeSchema });
const params = z.object({ id: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['referrals'];

export function registerReferralRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/:code/referrals',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "The case's referrals and transfers (owning agency; audited)",
        params: caseParams,
        response: { 200: pageOf(referralSchema), ...errors },
      },
    },
    (request) => service.listCaseReferrals(ctx, requestContext(request), request.params.code),
  );

  app.post(
    '/api/v1/cases/:code/referrals',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Refer or transfer the case to another agency (needs its referral consent or a supervisor override)',
        params: caseParams,
        body: referralInputSchema,
        response: { 201: referralSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createReferral(ctx, requestContext(request), request.params.code, request.body)),
  );

  app.get(
    '/api/v1/referrals',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "Referrals to and from the caller's agency (observers: all, without free text)",
        querystring: listReferralsQuerySchema,
        response: { 200: pageOf(referralSchema), ...errors },
      },
    },
    (request) => service.listReferrals(ctx, requestContext(request), request.query),
  );

  app.get(
    '/api/v1/referrals/:id',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: 'Read a referral summary (audited)',
        params,
        response: { 200: referralSchema, ...errors },
      },
    },
    (request) => service.readReferral(ctx, requestContext(request), request.params.id),
  );

  app.post(
    '/api/v1/referrals/:id/approve',
    {
      config: { access: 'case:supervise' },
      schema: {
        tags,
        summary: "The sending agency's supervisor lets a transfer go",
        params,
        response: { 200: referralSchema, ...errors },
      },
    },
    (request) => service.approveTransfer(ctx, requestContext(request), request.params.id),
  );

  app.post(
    '/api/v1/referrals/:id/accept',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Accept a referral (a transfer hands the case over)',
        params,
        response: { 200: referralSchema, ...errors },
      },
    },
    (request) => service.acceptReferral(ctx, requestContext(request), request.params.id),
  );

  app.post(
    '/api/v1/referrals/:id/decline',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Decline a referral, with a reason',
        params,
        body: reasonSchema,
        response: { 200: referralSchema, ...errors },
      },
    },
    (request) => service.declineReferral(ctx, requestContext(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/v1/referrals/:id/complete',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Mark an accepted referral completed',
        params,
        response: { 200: referralSchema, ...errors },
      },
    },
    (request) => service.completeReferral(ctx, requestContext(request), request.params.id),
  );

  app.post(
    '/api/v1/referrals/:id/revoke',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'The sending agency takes a referral back',
        params,
        response: { 200: referralSchema, ...errors },
      },
    },
    (request) => service.revokeReferral(ctx, requestContext(request), request.params.id),
  );
}
