import { problemSchema, statFiltersSchema, statFlowsSchema } from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './flows.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const tags = ['analytics'];

export function registerFlowRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/analytics/flows',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags,
        summary:
          'Trafficking flows: counts by origin (or citizenship), transit and exploitation country, and by county; small cells suppressed for roles without case access',
        querystring: statFiltersSchema,
        response: { 200: statFlowsSchema, ...errors },
      },
    },
    (request) => service.getFlows(ctx, requestContext(request), request.query),
  );
}
