import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../test/crash/scratch-database.ts';
import { DEMO, TEST_ENGINE, describeIntegration, seedDemo } from '../../test/harness.ts';
import type { AppContext } from '../context.ts';
import { toXlsx } from '../lib/spreadsheet.ts';

describeIntegration('kinga import (CLI)', () => {
  let db: ScratchDatabase;
  let ctx: AppContext;
  let dir: string;

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE);
    ctx = await db.open();
    await seedDemo(ctx);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-import-cli-'));
  });
  afterAll(async () => {
    await ctx?.database.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const header =
    'X,yearOfRegistration,Datasource,gender,ageBroad,citizenship,CountryOfExploitation,isSexAndLabour,RecruiterRelationship,' +
    'isForcedLabour,isSexualExploit,isOtherExploit,isForcedMarriage,isForcedMilitary,isOrganRemoval,typeOfLabourAgriculture,' +
    'typeOfLabourAquafarming,typeOfLabourBegging,typeOfLabourConstruction,typeOfLabourDomesticWork,typeOfLabourHospitality,' +
    'typeOfLabourIllicitActivities,typeOfLabourManufacturing,typeOfLabourMiningOrDrilling,typeOfLabourPeddling,' +
    'typeOfLabourTransportation,typeOfLabourOther,typeOfSexProstitution,typeOfSexPornography,' +
    'typeOfSexRemoteInteractiveServices,typeOfSexPrivateSexualServices,meansOfControlDebtBondage,' +
    'meansOfControlTakesEarnings,meansOfControlRestrictsFinancialAccess,meansOfControlThreats,' +
    'meansOfControlPsychologicalAbuse,meansOfControlPhysicalAbuse,meansOfControlSexualAbuse,meansOfControlFalsePromises,' +
    'meansOfControlPsychoactiveSubstances,meansOfControlRestrictsMovement,meansOfControlRestrictsMedicalCare,' +
    'meansOfControlExcessiveWorkingHours,meansOfControlUsesChildren,meansOfControlThreatOfLawEnforcement,' +
    'meansOfControlWithholdsNecessities,meansOfControlWithholdsDocuments,meansOfControlOther,' +
    'recruiterRelationIntimatePartner,recruiterRelationFriend,recruiterRelationFamily,recruiterRelationOther,isAbduction';
  const width = header.split(',').length;
  const row = (x: string, year: string) =>
    [x, year, 'Hotline', 'Female', '18--20', 'KE', 'AE', '', 'Friend', '1', ...Array<string>(width - 10).fill('')].join(
      ',',
    );

  it('import ctdc prints valid, invalid (line and reason) and imported; a file with nothing valid exits 1', async () => {
    const file = path.join(dir, 'ctdc.csv');
    fs.writeFileSync(file, [header, row('1', '2016'), row('2', '1066'), row('3', '2017')].join('\n'));
    const result = await runCli(db, ['import', 'ctdc', file, '--user', DEMO.analyst]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('valid: 2');
    expect(result.stdout).toContain('invalid: 1');
    expect(result.stdout).toContain('imported: 2');
    expect(result.stdout).toContain('line 3: invalid_value (yearOfRegistration)');
    expect(result.stdout).not.toContain('1066');

    const again = await runCli(db, ['import', 'ctdc', file, '--user', DEMO.analyst]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already imported');

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'only,two\n1,2\n');
    const rejected = await runCli(db, ['import', 'ctdc', bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('line 1: missing_column (X)');

    const refused = await runCli(db, ['import', 'ctdc', file, '--user', DEMO.caseworkerA]);
    expect(refused.code).toBe(1);
    expect((await runCli(db, ['import', 'ctdc', path.join(dir, 'missing.csv')])).code).toBe(1);
  }, 120_000);

  it('import htcds --agency creates the cases in that agency', async () => {
    const file = path.join(dir, 'cases.xlsx');
    const names = ['prs_Gender', 'prs_Birthdate', 'prs_Citizenship', 'vic_TypeOfExploitation', 'prs_MailingState'];
    const columns = names.map((name) => ({ header: name, value: (r: Record<string, string>) => r[name] ?? '' }));
    fs.writeFileSync(
      file,
      toXlsx(columns, [
        {
          prs_Gender: 'Masculine',
          prs_Birthdate: '2001-01-01',
          prs_Citizenship: 'UG',
          vic_TypeOfExploitation: 'ForcedLabour',
          prs_MailingState: 'Busia',
        },
      ]),
    );
    const result = await runCli(db, ['import', 'htcds', file, '--agency', 'Tumaini Safe House']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('imported: 1');
    const usage = await runCli(db, ['import', 'htcds', file]);
    expect(usage.code).toBe(64);
  }, 120_000);
});
