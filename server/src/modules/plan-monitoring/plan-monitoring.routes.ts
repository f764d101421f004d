import {
  actualInputSchema,
  dashboardQuerySchema,
  dashboardSchema,
  elementKeySchema,
  EVIDENCE_MAX_BYTES,
  evidenceSchema,
  idSchema,
  indicatorActualSchema,
  indicatorProgressSchema,
  indicatorSourceSchema,
  problemSchema,
  progressReportInputSchema,
  progressReportSchema,
  reportingPeriodSchema,
  returnReportSchema,
  reviewInputSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import { HttpProblem } from '../../http/errors.ts';
import { contentDisposition } from '../../lib/uploads.ts';
import { dashboardFor } from './dashboard.service.ts';
import * as evidence from './evidence.service.ts';
import * as indicators from './indicators.service.ts';
import * as reports from './reports.service.ts';

const planParams = z.object({ id: idSchema });
const periodParams = planParams.extend({ periodId: idSchema });
const reportParams = periodParams.extend({ agencyId: idSchema });
const evidenceParams = reportParams.extend({ evidenceId: idSchema });
const actualParams = periodParams.extend({ indicatorKey: elementKeySchema });
const evidenceQuery = z.object({ activityKey: elementKeySchema.optional() });
// Loose: the validated headers replace the request's, which must keep every other header.
const uploadHeaders = z.looseObject({
  'x-file-name': z.string().min(1).max(4000).describe("The file's original name, URI-encoded"),
});
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const tags = ['plan monitoring'];
const reportsPath = '/api/v1/plans/:id/periods/:periodId/reports';

/** Fastify's own refusals of an upload body, in the words of this route. */
function uploadProblem(error: unknown): HttpProblem | null {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'evidence_too_large', 'The file is larger than 5 MB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(
        415,
        'unsupported_media_type',
        "Send the file with Content-Type application/octet-stream or the file's own type",
      );
    default:
      return null;
  }
}

/** Periods, progress reports with evidence, indicator actuals and sources, and the dashboard of a plan in force. */
export function registerPlanMonitoringRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/plans/:id/periods',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: "The plan's reporting periods, each with the number of missing reports",
        params: planParams,
        response: { 200: z.array(reportingPeriodSchema), ...errors },
      },
    },
    (request) => reports.listPeriods(ctx, requestContext(request).actor, request.params.id),
  );

  app.get(
    reportsPath,
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: "A period's reports, one per lead agency (secretariat: all; focal point: its own)",
        params: periodParams,
        response: { 200: z.array(progressReportSchema), ...errors },
      },
    },
    (request) =>
      reports.listPeriodReports(ctx, requestContext(request).actor, request.params.id, request.params.periodId),
  );

  app.get(
    `${reportsPath}/:agencyId`,
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: "An agency's report of a period (secretariat, or the agency's focal point)",
        params: reportParams,
        response: { 200: progressReportSchema, ...errors },
      },
    },
    (request) =>
      reports.getReport(
        ctx,
        requestContext(request).actor,
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
      ),
  );

  app.put(
    `${reportsPath}/:agencyId`,
    {
      config: { access: 'plan:report' },
      schema: {
        tags,
        summary: "Save the draft of the own agency's report: its entries become the given ones",
        params: reportParams,
        body: progressReportInputSchema,
        response: { 200: progressReportSchema, ...errors },
      },
    },
    (request) =>
      reports.saveReport(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
        request.body,
      ),
  );

  app.post(
    `${reportsPath}/:agencyId/submit`,
    {
      config: { access: 'plan:report' },
      schema: {
        tags,
        summary: "Submit the own agency's report (every activity it leads needs an entry)",
        params: reportParams,
        response: { 200: progressReportSchema, ...errors },
      },
    },
    (request) =>
      reports.submitReport(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
      ),
  );

  app.post(
    `${reportsPath}/:agencyId/accept`,
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Accept a submitted report, with an optional comment',
        params: reportParams,
        body: reviewInputSchema,
        response: { 200: progressReportSchema, ...errors },
      },
    },
    (request) =>
      reports.acceptReport(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
        request.body,
      ),
  );

  app.post(
    `${reportsPath}/:agencyId/return`,
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Return a submitted report to its agency with a comment',
        params: reportParams,
        body: returnReportSchema,
        response: { 200: progressReportSchema, ...errors },
      },
    },
    (request) =>
      reports.returnReport(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
        request.body,
      ),
  );

  app.get(
    `${reportsPath}/:agencyId/evidence/:evidenceId`,
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Download an evidence file (whoever may read the report; audited)',
        params: evidenceParams,
        // 200 is the file itself, not JSON: it has no response schema.
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await evidence.downloadEvidence(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
        request.params.evidenceId,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.content as never);
    },
  );

  app.delete(
    `${reportsPath}/:agencyId/evidence/:evidenceId`,
    {
      config: { access: 'plan:report' },
      schema: {
        tags,
        summary: "Remove an evidence file from the own agency's draft or returned report",
        params: evidenceParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await evidence.deleteEvidence(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.agencyId,
        request.params.evidenceId,
      );
      return reply.code(204).send(null);
    },
  );

  // The upload takes the file as the raw body, whatever type the client declares: its own
  // scope accepts any content type as bytes, up to the evidence limit, on this route only.
  void app.register((uploads: App, _options, done) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_request, body, parsed) =>
      parsed(null, body),
    );
    // Rethrown, every error reaches the application's handler, which renders and audits it.
    uploads.setErrorHandler((error) => {
      throw uploadProblem(error) ?? error;
    });
    uploads.post(
      `${reportsPath}/:agencyId/evidence`,
      {
        config: { access: 'plan:report' },
        bodyLimit: EVIDENCE_MAX_BYTES,
        schema: {
          tags,
          summary: "Add an evidence file (PDF, JPEG, PNG, WebP, DOCX, XLSX; at most 5 MB) to the own agency's report",
          params: reportParams,
          querystring: evidenceQuery,
          headers: uploadHeaders,
          response: { 201: evidenceSchema, ...errors, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const content = Buffer.isBuffer(request.body) ? request.body : null;
        const dto = await evidence.uploadEvidence(
          ctx,
          requestContext(request),
          request.params.id,
          request.params.periodId,
          request.params.agencyId,
          { activityKey: request.query.activityKey, fileNameHeader: request.headers['x-file-name'], content },
        );
        return reply.code(201).send(dto);
      },
    );
    done();
  });

  app.put(
    '/api/v1/plans/:id/periods/:periodId/actuals/:indicatorKey',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: "Enter an indicator's actual for a period (secretariat: any; focal point: its activities')",
        params: actualParams,
        body: actualInputSchema,
        response: { 200: indicatorActualSchema, ...errors },
      },
    },
    (request) =>
      indicators.saveActual(
        ctx,
        requestContext(request),
        request.params.id,
        request.params.periodId,
        request.params.indicatorKey,
        request.body,
      ),
  );

  app.get(
    '/api/v1/plans/:id/indicators',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Indicators against their targets, judged at a period (default: the latest that has ended)',
        params: planParams,
        querystring: dashboardQuerySchema,
        response: { 200: z.array(indicatorProgressSchema), ...errors },
      },
    },
    (request) =>
      indicators.listIndicators(ctx, requestContext(request).actor, request.params.id, request.query.periodId),
  );

  app.get(
    '/api/v1/indicator-sources',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'The sources an indicator can use and the disaggregations each gives',
        response: { 200: z.array(indicatorSourceSchema), 401: problemSchema, 403: problemSchema },
      },
    },
    () => indicators.listIndicatorSources(),
  );

  app.get(
    '/api/v1/plans/:id/dashboard',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Progress of the plan in force by pillar and agency, indicators, late activities, budget',
        params: planParams,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...errors },
      },
    },
    (request) => dashboardFor(ctx, requestContext(request).actor, request.params.id, request.query.periodId),
  );
}
