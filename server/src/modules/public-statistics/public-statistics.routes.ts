import {
  problemSchema,
  publicStatisticsSchema,
  statFiltersSchema,
  statisticsSettingsInputSchema,
  statisticsSettingsSchema,
} from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './public-statistics.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

/** Browsers and proxies may keep the public figures this long: they are the same for everyone. */
const PUBLIC_MAX_AGE_SECONDS = 60;

export function registerPublicStatisticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/public/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary:
          'National figures for anyone, without signing in: counts below k and the cells that would reveal them are withheld (null)',
        querystring: statFiltersSchema,
        response: { 200: publicStatisticsSchema, ...errors },
      },
      // Runs after the global onSend hook that marks every /api/ answer no-store.
      onSend: async (request, reply, payload) => {
        if (reply.statusCode === 200) reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
        return payload;
      },
    },
    (request) => service.getPublicStatistics(ctx, request.query, request.ip),
  );

  app.get(
    '/api/v1/analytics/settings',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['statistics'],
        summary: 'Statistics settings: k, the smallest count shown to those without case access and the public',
        response: { 200: statisticsSettingsSchema, ...errors },
      },
    },
    () => service.getStatisticsSettings(ctx),
  );

  app.put(
    '/api/v1/analytics/settings',
    {
      config: { access: 'analytics:manage' },
      schema: {
        tags: ['statistics'],
        summary: 'Change k (2 to 100); audited',
        body: statisticsSettingsInputSchema,
        response: { 200: statisticsSettingsSchema, ...errors },
      },
    },
    (request) => service.putStatisticsSettings(ctx, requestContext(request), request.body),
  );
}
