import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeIntegration, type TestApp } from '../../test/harness.ts';
import { hotQuery } from './hot-query.ts';
import { nowIso } from './ids.ts';

const findAgencyByTypeAndName = hotQuery('test.agencyByTypeAndName', (db, name: string, type: string) =>
  db.selectFrom('agencies').select(['id', 'name', 'type']).where('type', '=', type).where('name', '=', name),
);

describeIntegration('hot queries', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const now = nowIso();
    const agency = (id: string, name: string, type: string) => ({
      id,
      name,
      name_lower: name.toLowerCase(),
      type,
      county_code: null,
      contact_email: null,
      contact_phone: null,
      address: null,
      status: 'active' as const,
      created_at: now,
      updated_at: now,
    });
    await t.ctx.db
      .insertInto('agencies')
      .values([
        agency('00000000-0000-7000-8000-000000000001', 'Mwangaza Shelter', 'NGO'),
        agency('00000000-0000-7000-8000-000000000002', 'Mwangaza Shelter Police Desk', 'LawEnforcement'),
      ])
      .execute();
  });
  afterAll(() => t?.close());

  it('puts each value in its own place, whatever order the builder uses them in, call after call', async () => {
    expect(await findAgencyByTypeAndName(t.ctx.db, 'Mwangaza Shelter', 'NGO')).toEqual([
      { id: '00000000-0000-7000-8000-000000000001', name: 'Mwangaza Shelter', type: 'NGO' },
    ]);
    expect(await findAgencyByTypeAndName(t.ctx.db, 'Mwangaza Shelter Police Desk', 'LawEnforcement')).toHaveLength(1);
    expect(await findAgencyByTypeAndName(t.ctx.db, 'Mwangaza Shelter', 'LawEnforcement')).toEqual([]);
  });

  it('runs inside a transaction with the same compiled query', async () => {
    const rows = await t.ctx.db
      .transaction()
      .execute((trx) => findAgencyByTypeAndName(trx, 'Mwangaza Shelter Police Desk', 'LawEnforcement'));
    expect(rows.map((r) => r.id)).toEqual(['00000000-0000-7000-8000-000000000002']);
  });
});
