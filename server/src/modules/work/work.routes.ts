import { problemSchema, workSchema } from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './work.service.ts';

export function registerWorkRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/work',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['cases'],
        summary: "The signed-in person's work lists (empty for roles that do not work on cases)",
        response: { 200: workSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    (request) => service.getWork(ctx, requestContext(request)),
  );
}
