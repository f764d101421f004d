import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';
import { AuditLog } from './audit/audit.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { buildHttpApp, type App } from './http/app.ts';
import { registerAgencyRoutes } from './modules/agencies/agencies.routes.ts';
import { registerAnalyticsRoutes } from './modules/analytics/analytics.routes.ts';
import { registerAuditRoutes } from './modules/audit-events/audit-events.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerCaseRecordRoutes } from './modules/case-records/case-records.routes.ts';
import { registerCaseRoutes } from './modules/cases/cases.routes.ts';
import { registerConsentRoutes } from './modules/consents/consents.routes.ts';
import { purgeExpiredSessions } from './modules/auth/sessions.ts';
import { isDemoInstance } from './modules/demo/demo.seed.ts';
import { registerFlowRoutes } from './modules/flows/flows.routes.ts';
import { registerGeoRoutes } from './modules/geo/geo.routes.ts';
import { registerImportRoutes } from './modules/imports/imports.routes.ts';
import { failInterruptedImports } from './modules/imports/imports.service.ts';
import { registerInstanceRoutes } from './modules/instance/instance.routes.ts';
import { registerMeetingRoutes } from './modules/meetings/meetings.routes.ts';
import { registerPartnerRoutes } from './modules/partners/partners.routes.ts';
import { registerPlanDocumentRoutes } from './modules/plan-documents/plan-documents.routes.ts';
import { registerPlanMonitoringRoutes } from './modules/plan-monitoring/plan-monitoring.routes.ts';
import { registerPlanRoutes } from './modules/plans/plans.routes.ts';
import { registerPublicStatisticsRoutes } from './modules/public-statistics/public-statistics.routes.ts';
import { registerReleaseRoutes } from './modules/releases/releases.routes.ts';
import { registerProfileRoutes } from './modules/profile/profile.routes.ts';
import { registerReferralRoutes } from './modules/referrals/referrals.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { registerWorkRoutes } from './modules/work/work.routes.ts';
import { DataKeys } from './secrets/data-keys.ts';
import { openMasterKey } from './secrets/key-rotation.ts';
import type { Keyring } from './secrets/master-key.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Opens the database, applies migrations and builds the context every module is given. */
export async function createContext(config: Config, logger: Logger): Promise<AppContext> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  let keyring: Keyring;
  let dataKeys: DataKeys;
  try {
    const opened = await openMasterKey({ fromEnv: config.masterKey, dataDir: config.dataDir }, database);
    if (opened.recovery !== 'none') {
      logger.warn(
        `An interrupted master-key rotation was ${opened.recovery === 'completed' ? 'finished: master.key now holds the new key' : 'undone: master.key still holds the key in place'}`,
      );
    }
    keyring = opened.keyring;
    dataKeys = await DataKeys.load(database.db, keyring);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    db: database.db,
    engine: database.engine,
    audit: new AuditLog(database.db, database.engine),
    keyring,
    dataKeys,
    logger,
    version: readVersion(),
    isDemo: () => isDemoInstance(database.db),
  };
}

/** The HTTP application with every module's routes and, when built, the web app. */
export async function createHttpServer(ctx: AppContext, options: { serveWeb?: boolean } = {}): Promise<App> {
  const app = await buildHttpApp(ctx);
  registerInstanceRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerAgencyRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseRecordRoutes(app, ctx);
  registerConsentRoutes(app, ctx);
  registerReferralRoutes(app, ctx);
  registerWorkRoutes(app, ctx);
  registerMeetingRoutes(app, ctx);
  registerPartnerRoutes(app, ctx);
  registerGeoRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerFlowRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  registerPlanMonitoringRoutes(app, ctx);
  registerPlanDocumentRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerPublicStatisticsRoutes(app, ctx);
  registerReleaseRoutes(app, ctx);
  if (options.serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h' });
    // The web app routes on the client: any page path answers index.html.
    // A missing file or API path is a 404, not the page: a stale bundle must not be answered with HTML.
    app.get('/*', { config: {}, schema: { hide: true } }, (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      return pathname.startsWith('/api/') || /\.[A-Za-z0-9]+$/.test(pathname)
        ? reply.callNotFound()
        : reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  const purgeTimer = setInterval(() => {
    purgeExpiredSessions(ctx.db).catch((error: unknown) => ctx.logger.error({ err: error }, 'session purge failed'));
  }, 3_600_000);
  purgeTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    await ctx.audit.drain();
    await ctx.database.close();
  });
  await purgeExpiredSessions(ctx.db);
  // An import left running by a process that stopped never committed: say so.
  await failInterruptedImports(ctx, new Date(Date.now() - process.uptime() * 1000).toISOString());
  return app;
}
