import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { seedDemoCases } from './modules/demo/demo-cases.seed.ts';
import { seedDemoPlans } from './modules/demo/demo-plans.seed.ts';
import { isDatabaseEmpty, seedDemo, shouldSeedDemo } from './modules/demo/demo.seed.ts';
import { MasterKeyError } from './secrets/master-key.ts';
import { createContext, createHttpServer } from './server.ts';

/** Boot: config → database → migrations → demo data → modules → listen. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let ctx;
  try {
    ctx = await createContext(config, logger);
  } catch (error) {
    // A wrong or missing master key is the environment's fault, like an invalid variable.
    if (error instanceof MasterKeyError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  if (shouldSeedDemo(config.demo, ctx.engine, await isDatabaseEmpty(ctx.db))) {
    const seeded = await seedDemo(ctx);
    const cases = await seedDemoCases(ctx);
    const plans = await seedDemoPlans(ctx);
    logger.warn(
      `DEMO DATA loaded: ${seeded.agencies} agencies, ${seeded.users + cases.staff} demo accounts (password from KINGA_DEMO_PASSWORD), ${cases.cases} synthetic cases, ${plans.plans} plans of action and ${plans.meetings} meetings in ${((cases.milliseconds + plans.milliseconds) / 1000).toFixed(1)} s. Do not enter real information.`,
    );
  }
  const app = await createHttpServer(ctx, { serveWeb: true });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  logger.info(`Kinga ${ctx.version} on ${ctx.engine} at http://${config.host}:${config.port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
});
