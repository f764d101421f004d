import {
  assignCaseSchema,
  caseCodeSchema,
  caseHistoryItemSchema,
  caseInputSchema,
  caseListItemSchema,
  caseSchema,
  duplicateCheckSchema,
  duplicateResultSchema,
  exportCasesQuerySchema,
  followUpSchema,
  listCasesQuerySchema,
  pageOf,
  pageQuerySchema,
  problemSchema,
  reasonSchema,
  requestClosureSchema,
  revealedIdentitySchema,
  searchCasesSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import { exportCases } from './cases.export.ts';
import * as service from './cases.service.ts';

const params = z.object({ code: caseCodeSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['cases'];

export function registerCaseRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: 'List cases in scope (codes and picklist values only)',
        querystring: listCasesQuerySchema,
        response: { 200: pageOf(caseListItemSchema), ...errors },
      },
    },
    (request) => service.listCases(ctx, requestContext(request), request.query),
  );

  app.post(
    '/api/v1/cases',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Start registering a presumed victim (a draft)',
        body: caseInputSchema,
        response: { 201: caseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createCase(ctx, requestContext(request), request.body)),
  );

  app.post(
    '/api/v1/cases/search',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: 'Find cases by exact match on one identifying detail (blind index; the value stays in the body)',
        body: searchCasesSchema,
        response: { 200: pageOf(caseListItemSchema), ...errors },
      },
    },
    (request) => service.searchCases(ctx, requestContext(request), request.body),
  );

  app.post(
    '/api/v1/cases/duplicates',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Possible duplicates of a person being registered',
        body: duplicateCheckSchema,
        response: { 200: duplicateResultSchema, ...errors },
      },
    },
    (request) => service.checkDuplicates(ctx, requestContext(request), request.body),
  );

  app.get(
    '/api/v1/cases/export',
    {
      config: { access: 'case:export' },
      schema: {
        tags,
        summary: 'The filtered list as CSV or XLSX, with the columns the role may see',
        querystring: exportCasesQuerySchema,
        // 200 is a file (text/csv or an XLSX workbook), not JSON: it has no response schema.
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await exportCases(ctx, requestContext(request), request.query);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body as never);
    },
  );

  app.get(
    '/api/v1/cases/:code',
    {
      config: { access: 'case:read' },
      schema: { tags, summary: 'Read a case (audited)', params, response: { 200: caseSchema, ...errors } },
    },
    (request) => service.readCase(ctx, requestContext(request), request.params.code),
  );

  app.patch(
    '/api/v1/cases/:code',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Change intake fields of a case',
        params,
        body: caseInputSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) => service.updateCase(ctx, requestContext(request), request.params.code, request.body),
  );

  app.post(
    '/api/v1/cases/:code/submit',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Register a draft case (checks that registration has what it needs)',
        params,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) => service.submitCase(ctx, requestContext(request), request.params.code),
  );

  app.post(
    '/api/v1/cases/:code/identity',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: 'Reveal the identifying details the caller may see (audited)',
        params,
        response: { 200: revealedIdentitySchema, ...errors },
      },
    },
    (request) => service.revealIdentity(ctx, requestContext(request), request.params.code),
  );

  app.put(
    '/api/v1/cases/:code/assignment',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Assign the case to a worker',
        params,
        body: assignCaseSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) => service.assignCase(ctx, requestContext(request), request.params.code, request.body.ownerId),
  );

  app.put(
    '/api/v1/cases/:code/follow-up',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Set the next follow-up date and status',
        params,
        body: followUpSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) => service.setFollowUp(ctx, requestContext(request), request.params.code, request.body),
  );

  app.post(
    '/api/v1/cases/:code/closure',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Ask to close the case',
        params,
        body: requestClosureSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) => service.requestClosure(ctx, requestContext(request), request.params.code, request.body),
  );

  app.post(
    '/api/v1/cases/:code/closure/approve',
    {
      config: { access: 'case:supervise' },
      schema: { tags, summary: 'Approve the requested closure', params, response: { 200: caseSchema, ...errors } },
    },
    (request) => service.decideClosure(ctx, requestContext(request), request.params.code, { approve: true }),
  );

  app.post(
    '/api/v1/cases/:code/closure/reject',
    {
      config: { access: 'case:supervise' },
      schema: {
        tags,
        summary: 'Turn down the requested closure',
        params,
        body: reasonSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) =>
      service.decideClosure(ctx, requestContext(request), request.params.code, {
        approve: false,
        reason: request.body.reason,
      }),
  );

  app.post(
    '/api/v1/cases/:code/reopen',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Reopen a closed case',
        params,
        body: reasonSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (request) => service.reopenCase(ctx, requestContext(request), request.params.code, request.body.reason),
  );

  app.get(
    '/api/v1/cases/:code/history',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "The case's own audit trail (owning agency)",
        params,
        querystring: pageQuerySchema,
        response: { 200: pageOf(caseHistoryItemSchema), ...errors },
      },
    },
    (request) => service.caseHistory(ctx, requestContext(request), request.params.code, request.query),
  );
}
