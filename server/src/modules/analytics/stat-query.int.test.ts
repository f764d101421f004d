import { afterAll, beforeAll, expect, it } from 'vitest';
import { STAT_FLAG_FAMILIES, flagMask } from '@kinga/shared';
import { newId } from '../../db/ids.ts';
import { createTestApp, describeIntegration, type TestApp } from '../../../test/harness.ts';
import { countBy } from './stat-query.ts';

describeIntegration('stat-query', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const row = (over: Record<string, unknown>) => ({
      id: newId(),
      source: 'ctdc',
      year: 2016,
      month: null,
      gender: 'Female',
      exploitation: 0,
      labour: 0,
      sex_types: 0,
      control: 0,
      recruiter: 0,
      recruitment: 0,
      ...over,
    });
    await t.ctx.db
      .insertInto('stat_records')
      .values([
        row({ exploitation: flagMask(STAT_FLAG_FAMILIES.exploitation, ['ForcedLabour', 'SexualExploitation']) }),
        row({ gender: 'Male', month: 3, exploitation: flagMask(STAT_FLAG_FAMILIES.exploitation, ['ForcedLabour']) }),
        row({ gender: null, year: 2017, month: 12, county_origin: 12, county_exploitation: 47 }),
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('counts by one and two dimensions, unknown last', async () => {
    expect(await countBy(t.ctx.db, {}, ['gender'])).toEqual({
      id: 'gender',
      dimensions: ['gender'],
      total: 3,
      cells: [
        { keys: ['Female'], count: 1 },
        { keys: ['Male'], count: 1 },
        { keys: [null], count: 1 },
      ],
    });
    const months = await countBy(t.ctx.db, {}, ['month']);
    expect(months.cells).toEqual([
      { keys: ['2016-03'], count: 1 },
      { keys: ['2017-12'], count: 1 },
      { keys: [null], count: 1 },
    ]);
    const flows = await countBy(t.ctx.db, {}, ['countyOfOrigin', 'countyOfExploitation']);
    expect(flows.cells).toContainEqual({ keys: ['12', '47'], count: 1 });
  });

  it('expands a multi-valued dimension, alone and crossed', async () => {
    const alone = await countBy(t.ctx.db, {}, ['exploitation']);
    expect(alone.total).toBe(3);
    expect(alone.cells).toEqual([
      { keys: ['ForcedLabour'], count: 2 },
      { keys: ['SexualExploitation'], count: 1 },
      { keys: [null], count: 1 },
    ]);
    const crossed = await countBy(t.ctx.db, {}, ['gender', 'exploitation']);
    expect(crossed.cells).toContainEqual({ keys: ['Male', 'ForcedLabour'], count: 1 });
    expect(crossed.cells).toContainEqual({ keys: [null, null], count: 1 });
  });

  it('filters by period, attribute, flag and county', async () => {
    expect((await countBy(t.ctx.db, { from: '2017' }, [])).total).toBe(1);
    // A record whose month is unknown is outside a period bounded by a month of its year.
    expect((await countBy(t.ctx.db, { to: '2016-02' }, [])).total).toBe(0);
    expect((await countBy(t.ctx.db, { to: '2016-03' }, [])).total).toBe(1);
    expect((await countBy(t.ctx.db, { to: '2016' }, [])).total).toBe(2);
    expect((await countBy(t.ctx.db, { exploitation: 'ForcedLabour', gender: 'Male' }, [])).total).toBe(1);
    expect((await countBy(t.ctx.db, { county: 47 }, [])).total).toBe(1);
    expect((await countBy(t.ctx.db, { citizenship: 'KE' }, ['gender'])).cells).toEqual([]);
  });
});

describeIntegration('stat-query originOrCitizenship', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const row = (over: Record<string, unknown>) => ({
      id: newId(),
      source: 'ctdc',
      year: 2016,
      exploitation: 0,
      labour: 0,
      sex_types: 0,
      control: 0,
      recruiter: 0,
      recruitment: 0,
      ...over,
    });
    await t.ctx.db
      .insertInto('stat_records')
      .values([
        row({ citizenship: 'UG', country_exploitation: 'KE' }),
        row({ source: 'case', country_origin: 'KE', citizenship: 'UG', country_exploitation: 'SA' }),
        row({ country_origin: 'ET', country_exploitation: 'KE' }),
        row({ country_exploitation: 'KE' }),
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('takes the origin where it is recorded, else the citizenship', async () => {
    const table = await countBy(t.ctx.db, {}, ['originOrCitizenship', 'countryOfExploitation']);
    expect(table.cells).toEqual([
      { keys: ['ET', 'KE'], count: 1 },
      { keys: ['KE', 'SA'], count: 1 },
      { keys: ['UG', 'KE'], count: 1 },
      { keys: [null, 'KE'], count: 1 },
    ]);
    expect((await countBy(t.ctx.db, { citizenship: 'UG' }, ['originOrCitizenship'])).cells).toEqual([
      { keys: ['KE'], count: 1 },
      { keys: ['UG'], count: 1 },
    ]);
  });
});
