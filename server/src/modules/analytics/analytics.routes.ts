import { glotipQuerySchema, glotipSchema, problemSchema, statDashboardSchema, statFiltersSchema } from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './analytics.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const tags = ['analytics'];

/**
 * Aggregates only: every answer is counts over the de-identified view, exact for roles with
 * case access and suppressed below k for everyone else. Reads of aggregates are not audited.
 */
export function registerAnalyticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/analytics/dashboard',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags,
        summary:
          'Counts of detected victims by year, month, source, sex and age, forms of exploitation, control, recruitment and countries',
        querystring: statFiltersSchema,
        response: { 200: statDashboardSchema, ...errors },
      },
    },
    (request) => service.readDashboard(ctx, requestContext(request), request.query),
  );

  app.get(
    '/api/v1/analytics/glotip',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags,
        summary: 'Victims detected by year × sex × age group × citizenship × form of exploitation (UNODC GLOTIP)',
        querystring: glotipQuerySchema,
        response: { 200: glotipSchema, ...errors },
      },
    },
    (request) => service.readGlotip(ctx, requestContext(request), request.query),
  );

  app.get(
    '/api/v1/analytics/glotip.csv',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags,
        summary: 'The GLOTIP table as CSV (suppressed counts read "<k")',
        querystring: glotipQuerySchema,
        // 200 is a text/csv file: it has no JSON response schema.
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await service.glotipCsv(ctx, requestContext(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body as never);
    },
  );
}
