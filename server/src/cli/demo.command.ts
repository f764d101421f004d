import type { Command } from 'commander';
import { seedDemoCases } from '../modules/demo/demo-cases.seed.ts';
import { seedDemoPlans } from '../modules/demo/demo-plans.seed.ts';
import { isDatabaseEmpty, seedDemo } from '../modules/demo/demo.seed.ts';
import { CliError, withContext } from './cli-context.ts';

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('the fictional demo data set');
  demo
    .command('seed')
    .description(
      'load the demo agencies, accounts, synthetic cases, plans of action and meetings into an empty database (refuses one that holds accounts)',
    )
    .action(() =>
      withContext(async (ctx) => {
        if (!(await isDatabaseEmpty(ctx.db)))
          throw new CliError('The database already holds accounts; demo data is only loaded into an empty database.');
        const seeded = await seedDemo(ctx);
        const cases = await seedDemoCases(ctx);
        const plans = await seedDemoPlans(ctx);
        console.log(
          `Demo data loaded on ${ctx.engine}: ${seeded.agencies} agencies, ${seeded.users + cases.staff} demo accounts (password from KINGA_DEMO_PASSWORD), ${cases.cases} synthetic cases (${cases.drafts} drafts), ${cases.referrals} referrals, ${plans.plans} plans of action and ${plans.meetings} meetings in ${((cases.milliseconds + plans.milliseconds) / 1000).toFixed(1)} s.`,
        );
        console.log('Do not enter real information into a demo instance.');
      }),
    );
}
