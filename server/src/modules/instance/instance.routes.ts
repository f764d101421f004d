import { healthSchema, instanceSchema, LANGUAGES } from '@kinga/shared';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import type { App } from '../../http/app.ts';

/** Health, public instance facts and the OpenAPI description. */
export function registerInstanceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['instance'], summary: 'Liveness and database reachability', response: { 200: healthSchema } },
    },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.engine, version: ctx.version };
    },
  );

  app.get(
    '/api/public/instance',
    {
      config: { access: 'public' },
      schema: {
        tags: ['instance'],
        summary: 'What the sign-in page needs: demo flag, country, counties, languages',
        response: { 200: instanceSchema },
      },
    },
    async () => {
      const country = countryProfile(ctx.config.country);
      return {
        demo: await ctx.isDemo(),
        country: { iso2: country.iso2, name: country.name },
        counties: [...country.counties],
        currency: country.currency,
        languages: [...LANGUAGES],
        passwordMinLength: ctx.config.passwordMinLength,
      };
    },
  );

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
}
