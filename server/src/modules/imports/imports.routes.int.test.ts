import fs from 'node:fs';
import path from 'node:path';
import type { ImportDto, ImportErrorDto, ImportStartedDto, RevealedIdentityDto } from '@kinga/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DEMO,
  auditRows,
  client,
  createTestApp,
  describeIntegration,
  expectDenied,
  expectProblem,
  json,
  send,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { SHARED_DATA } from '../../../test/shared-data.ts';
import { readXlsx, toXlsx } from '../../lib/spreadsheet.ts';
import { failInterruptedImports, waitForImports } from './imports.service.ts';

const DATA = SHARED_DATA;
const CTDC_FILE = path.join(DATA, 'ctdc/ctdc_global_k_anonymized_2018.csv');
const HTCDS_TEMPLATE = path.join(DATA, 'htcds/Toolkit/Excel/HTCDS Excel Spreadsheet v2.0.xlsx');
const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';

/** The test's own reading of the CTDC file (no quoted commas occur in it): header → values per row. */
function ctdcRowsByHand(): { line: number; get: (column: string) => string }[] {
  const lines = fs.readFileSync(CTDC_FILE, 'utf8').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((c) => c.replace(/^"|"$/g, ''));
  const rows: { line: number; get: (column: string) => string }[] = [];
  lines.slice(1).forEach((text, index) => {
    if (text === '') return;
    const cells = text.split(',').map((c) => c.replace(/^"|"$/g, ''));
    rows.push({ line: index + 2, get: (column) => cells[header.indexOf(column)] ?? '' });
  });
  return rows;
}

function tally(values: Iterable<string | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

describeIntegration('imports', () => {
  let t: TestApp;
  let analyst: Session;
  let secretariat: Session;
  let admin: Session;
  let workerA: Session;
  let workerB: Session;
  let police: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [analyst, secretariat, admin, workerA, workerB, police] = await Promise.all([
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.police),
    ]);
  });
  afterAll(() => t?.close());

  const upload = (
    session: Session | null,
    kind: string,
    content: Buffer | string,
    fileName = 'upload.csv',
    agencyId?: string,
  ) =>
    send(t.app, session, 'POST', '/api/v1/imports', {
      query: { kind, ...(agencyId ? { agencyId } : {}) },
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
      payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });

  /** Uploads, expects 202, waits for the background work and answers the finished import. */
  async function importFile(
    session: Session,
    kind: string,
    content: Buffer | string,
    fileName?: string,
    agencyId?: string,
  ): Promise<ImportDto> {
    const res = await upload(session, kind, content, fileName, agencyId);
    expect(res.statusCode, res.body).toBe(202);
    const started = json<ImportStartedDto>(res);
    expect(started.duplicate).toBe(false);
    expect(started.import.status).toBe('running');
    await waitForImports(t.ctx);
    const done = await client(t.app, session).get(`/api/v1/imports/${started.import.id}`);
    expect(done.statusCode).toBe(200);
    return json<ImportDto>(done);
  }

  const errorsOf = async (session: Session, id: string): Promise<ImportErrorDto[]> => {
    const out: ImportErrorDto[] = [];
    let cursor: string | null = null;
    do {
      const res = await client(t.app, session).get(`/api/v1/imports/${id}/errors`, {
        query: { limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(res.statusCode).toBe(200);
      const page = json<{ items: ImportErrorDto[]; nextCursor: string | null }>(res);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  const ctdcHeader = () => (fs.readFileSync(CTDC_FILE, 'utf8').split(/\r?\n/)[0] ?? '').trim();

  it('the shared CTDC file: 47,102 records in, the 4 trailing lines listed, figures as in the file; again → duplicate', async () => {
    const content = fs.readFileSync(CTDC_FILE);
    const done = await importFile(analyst, 'ctdc', content, 'ctdc_global_k_anonymized_2018.csv');
    expect(done).toMatchObject({
      kind: 'ctdc',
      status: 'completed',
      totalRows: 47_106,
      processedRows: 47_106,
      validRows: 47_102,
      invalidRows: 4,
      importedRows: 47_102,
      agencyId: null,
    });
    const errors = await errorsOf(analyst, done.id);
    expect(errors.map((e) => e.line)).toEqual([47_104, 47_105, 47_106, 47_107]);
    expect(errors[1]).toEqual({ line: 47_105, reason: 'missing_value', column: 'X' });
    for (const e of errors) expect(e.reason).toMatch(/^(missing_value|invalid_value)$/);

    // The figures, counted independently from the file.
    const rows = ctdcRowsByHand().filter((r) => /^\d+$/.test(r.get('X')));
    expect(rows).toHaveLength(47_102);
    const missing = (v: string) => (v === '' || v === 'Unknown' || v === 'Missing' ? null : v);
    const stored = await t.ctx.db
      .selectFrom('stat_records')
      .select(['year', 'gender', 'age_band', 'citizenship', 'country_exploitation', 'exploitation', 'line'])
      .where('import_id', '=', done.id)
      .execute();
    expect(stored).toHaveLength(47_102);
    expect(tally(stored.map((r) => String(r.year)))).toEqual(tally(rows.map((r) => r.get('yearOfRegistration'))));
    expect(tally(stored.map((r) => r.gender))).toEqual(tally(rows.map((r) => missing(r.get('gender')))));
    expect(tally(stored.map((r) => r.age_band))).toEqual(
      tally(rows.map((r) => missing(r.get('ageBroad'))?.replace('--', '-') ?? null)),
    );
    expect(tally(stored.map((r) => r.citizenship))).toEqual(tally(rows.map((r) => missing(r.get('citizenship')))));
    expect(tally(stored.map((r) => r.country_exploitation))).toEqual(
      tally(rows.map((r) => missing(r.get('CountryOfExploitation')))),
    );
    const has = (mask: number, bit: number) => (mask & bit) !== 0;
    const byHand = (column: string) => rows.filter((r) => r.get(column) === '1' || r.get('isSexAndLabour') === '1');
    expect(stored.filter((r) => has(r.exploitation, 1)).length).toBe(byHand('isForcedLabour').length);
    expect(stored.filter((r) => has(r.exploitation, 2)).length).toBe(byHand('isSexualExploit').length);
    expect(stored.filter((r) => has(r.exploitation, 32)).length).toBe(
      rows.filter((r) => r.get('isOtherExploit') === '1').length,
    );

    // The file again: nothing new, the earlier import answered.
    const again = await upload(analyst, 'ctdc', content, 'copy.csv');
    expect(again.statusCode).toBe(200);
    const duplicate = json<ImportStartedDto>(again);
    expect(duplicate).toMatchObject({ duplicate: true, import: { id: done.id } });
    const count = await t.ctx.db
      .selectFrom('stat_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(47_102);

    // Audited with ids only: the start and the completion.
    const audit = await auditRows(t.ctx, { entityType: 'import', entityId: done.id });
    expect(audit.map((a) => a.action)).toEqual(['import.create', 'import.complete']);
    expect(audit[0]?.actor_id).toBe(analyst.user.id);
  }, 180_000);

  it('a broken row is listed (line, reason, column, never its value) and skipped; the others go in once', async () => {
    const header = ctdcHeader();
    const columns = header.split(',').length;
    const row = (x: number, year: string, gender = 'Female', age = '18--20') => {
      const cells = Array<string>(columns).fill('');
      const names = header.split(',').map((c) => c.replace(/"/g, ''));
      const set = (name: string, value: string) => (cells[names.indexOf(name)] = value);
      set('X', String(x));
      set('yearOfRegistration', year);
      set('Datasource', 'Hotline');
      set('gender', gender);
      set('ageBroad', age);
      set('citizenship', 'KE');
      set('CountryOfExploitation', 'AE');
      set('isForcedLabour', '1');
      return cells.join(',');
    };
    const csv = [header, row(1, '2019', 'Woman', '18–20'), row(2, 'SECRET-1999'), row(3, '2020', 'Man')].join('\r\n');
    const done = await importFile(analyst, 'ctdc', `${csv}\r\n`, 'small.csv');
    expect(done).toMatchObject({ status: 'completed', validRows: 2, invalidRows: 1, importedRows: 2 });
    const errors = await errorsOf(analyst, done.id);
    expect(errors).toEqual([{ line: 3, reason: 'invalid_value', column: 'yearOfRegistration' }]);
    const res = await client(t.app, analyst).get(`/api/v1/imports/${done.id}/errors`);
    expect(res.body).not.toContain('SECRET');
    const stored = await t.ctx.db
      .selectFrom('stat_records')
      .selectAll()
      .where('import_id', '=', done.id)
      .orderBy('line')
      .execute();
    expect(stored.map((r) => [r.line, r.year, r.gender, r.age_band, r.data_source, r.citizenship])).toEqual([
      [2, 2019, 'Female', '18-20', 'Hotline', 'KE'],
      [4, 2020, 'Male', '18-20', 'Hotline', 'KE'],
    ]);
    expect(stored[0]).toMatchObject({
      source: 'ctdc',
      country_exploitation: 'AE',
      exploitation: 1,
      country_origin: null,
    });
  });

  it('garbage uploads are refused with 4xx or end as rejected imports, never 5xx', async () => {
    expectProblem(await upload(analyst, 'ctdc', ''), 400, 'empty_file');
    expectProblem(await upload(analyst, 'ctdc', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])), 415);
    expectProblem(await upload(analyst, 'htcds', 'not,a,workbook'), 403);
    expectProblem(await upload(workerA, 'htcds', 'not,a,workbook'), 415);
    expectProblem(await upload(analyst, 'nonsense', 'a,b'), 400);
    expectProblem(
      await send(t.app, analyst, 'POST', '/api/v1/imports', { query: { kind: 'ctdc' }, payload: 'a' }),
      400,
    );

    const oneColumn = await importFile(analyst, 'ctdc', 'just one column\n1\n2\n', 'one.csv');
    expect(oneColumn).toMatchObject({ status: 'rejected', importedRows: 0 });
    const missing = await errorsOf(analyst, oneColumn.id);
    expect(missing).toContainEqual({ line: 1, reason: 'missing_column', column: 'X' });
    expect(missing).toContainEqual({ line: 1, reason: 'missing_column', column: 'yearOfRegistration' });

    const hugeLine = await importFile(analyst, 'ctdc', `${'x'.repeat(3_000_000)}\n`, 'huge.csv');
    expect(hugeLine.status).toBe('rejected');

    const wrongCount = await importFile(analyst, 'ctdc', `${ctdcHeader()}\n1,2016\n`, 'short.csv');
    expect(wrongCount).toMatchObject({ status: 'rejected', invalidRows: 1 });
    expect(await errorsOf(analyst, wrongCount.id)).toEqual([{ line: 2, reason: 'wrong_column_count' }]);

    const tooLarge = await upload(analyst, 'ctdc', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expectProblem(tooLarge, 413);
  }, 60_000);

  // ---- HTCDS ---------------------------------------------------------------------------------

  /** A workbook with the template's two header rows (field names, labels) and the given cases. */
  function htcdsWorkbook(cases: Record<string, string>[]): Buffer {
    const template = readXlsx(fs.readFileSync(HTCDS_TEMPLATE));
    if (!template) throw new Error('template unreadable');
    const names = template[0]?.cells ?? [];
    const labels = template[1]?.cells ?? [];
    const columns = names.map((name, index) => ({
      header: name,
      value: (row: Record<string, string>) => (row.__labels ? labels[index] : row[name]) ?? '',
    }));
    return toXlsx(columns, [{ __labels: '1' }, ...cases]);
  }

  const validCase = (overrides: Record<string, string> = {}) => ({
    prs_FirstName: 'Wanjiru',
    prs_SecondName: 'Kamau',
    prs_Birthdate: '1999-03-04',
    prs_Gender: 'Feminine',
    prs_Citizenship: 'KE',
    prs_MailingState: 'Mombasa',
    prs_Email: 'wanjiru@example.org',
    vic_TypeOfExploitation: 'ForcedLabour;SexualExploitation',
    vic_MethodsOfControl: 'DebtBondage',
    con_Consent: 'TRUE',
    ...overrides,
  });

  it('an HTCDS workbook: valid rows become registered cases of the agency, identity sealed, invalid rows listed', async () => {
    const workbook = htcdsWorkbook([
      validCase(),
      validCase({ prs_FirstName: 'Otieno', prs_Gender: 'Masculine', con_Consent: '', prs_MailingState: '47' }),
      validCase({ prs_Gender: 'Robot' }),
      validCase({ prs_Birthdate: '' }),
      validCase({ prs_Citizenship: 'ZZ' }),
    ]);
    const done = await importFile(workerA, 'htcds', workbook, 'cases.xlsx');
    expect(done).toMatchObject({
      kind: 'htcds',
      status: 'completed',
      totalRows: 5,
      validRows: 2,
      invalidRows: 3,
      importedRows: 2,
      agencyId: workerA.user.agencyId,
    });
    // Rows 1–2 are the template's names and labels: the cases start on row 3.
    expect(await errorsOf(workerA, done.id)).toEqual([
      { line: 5, reason: 'invalid_value', column: 'prs_Gender' },
      { line: 6, reason: 'missing_value', column: 'prs_Birthdate' },
      { line: 7, reason: 'invalid_value', column: 'prs_Citizenship' },
    ]);

    const cases = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('agency_id', '=', workerA.user.agencyId)
      .orderBy('code')
      .execute();
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      expect(c).toMatchObject({ draft: 0, status: 'Active', owner_id: workerA.user.id, age_band: '27-29' });
      expect(c.first_name_enc).not.toContain('Wanjiru');
      expect(c.first_name_enc).not.toContain('Otieno');
      expect(c.email_enc).not.toContain('example.org');
    }
    expect(cases.map((c) => c.county_code)).toEqual([1, 47]);
    const revealed = await client(t.app, workerA).post(`/api/v1/cases/${cases[0]?.code}/identity`);
    expect(json<RevealedIdentityDto>(revealed).identity?.firstName).toBe('Wanjiru');

    // Only the consented case counts in statistics.
    const stats = await t.ctx.db.selectFrom('stat_records').selectAll().where('source', '=', 'case').execute();
    expect(stats.map((s) => s.case_id)).toEqual([cases[0]?.id]);
    expect(stats[0]).toMatchObject({ gender: 'Female', citizenship: 'KE', exploitation: 3 });

    const audit = await auditRows(t.ctx, { action: 'case.create', actorId: workerA.user.id });
    expect(audit.map((a) => a.entity_id).sort()).toEqual(cases.map((c) => c.id).sort());

    // The same workbook again: nothing new.
    const again = await upload(workerA, 'htcds', workbook, 'cases-again.xlsx');
    expect(again.statusCode).toBe(200);
    expect(json<ImportStartedDto>(again)).toMatchObject({ duplicate: true, import: { id: done.id } });
    const after = await t.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('agency_id', '=', workerA.user.agencyId)
      .execute();
    expect(after).toHaveLength(2);

    // Another agency's worker does not see the import; the analyst neither (HTCDS is case data).
    expectProblem(await client(t.app, workerB).get(`/api/v1/imports/${done.id}`), 404);
    expectProblem(await client(t.app, workerB).get(`/api/v1/imports/${done.id}/errors`), 404);
    expectProblem(await client(t.app, analyst).get(`/api/v1/imports/${done.id}`), 404);
    const listB = json<{ items: ImportDto[] }>(await client(t.app, workerB).get('/api/v1/imports'));
    expect(listB.items.map((i) => i.id)).not.toContain(done.id);
    const listAdmin = json<{ items: ImportDto[] }>(await client(t.app, admin).get('/api/v1/imports'));
    expect(listAdmin.items.map((i) => i.id)).toContain(done.id);
  }, 60_000);

  it('administrators import HTCDS into a chosen agency; others only into their own', async () => {
    const workbook = htcdsWorkbook([validCase({ prs_FirstName: 'Achieng', prs_MailingState: 'Nairobi' })]);
    const refused = await upload(workerA, 'htcds', workbook, 'b.xlsx', workerB.user.agencyId);
    expectProblem(refused, 403);
    await expectDenied(t.ctx, refused, workerA);
    expectProblem(await upload(admin, 'htcds', workbook, 'b.xlsx', UNKNOWN_ID), 400, 'validation_failed');

    const done = await importFile(admin, 'htcds', workbook, 'b.xlsx', workerB.user.agencyId);
    expect(done).toMatchObject({ status: 'completed', importedRows: 1, agencyId: workerB.user.agencyId });
    const created = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('agency_id', '=', workerB.user.agencyId)
      .execute();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ owner_id: null, created_by: admin.user.id, county_code: 47 });
    expect(json<ImportDto>(await client(t.app, workerB).get(`/api/v1/imports/${done.id}`)).id).toBe(done.id);
  }, 60_000);

  it('who may: anonymous 401, roles without an import permission 403, the wrong kind 403, unknown 404', async () => {
    expectProblem(await upload(null, 'ctdc', 'a'), 401);
    expectProblem(await client(t.app, null).get('/api/v1/imports'), 401);
    expectProblem(await client(t.app, null).get(`/api/v1/imports/${UNKNOWN_ID}`), 401);

    const policeList = await client(t.app, police).get('/api/v1/imports');
    expectProblem(policeList, 403);
    await expectDenied(t.ctx, policeList, police);
    expectProblem(await upload(police, 'ctdc', 'a,b'), 403);
    const workerCtdc = await upload(workerA, 'ctdc', 'a,b');
    expectProblem(workerCtdc, 403);
    await expectDenied(t.ctx, workerCtdc, workerA);

    expectProblem(await client(t.app, analyst).get(`/api/v1/imports/${UNKNOWN_ID}`), 404);
    const secretariatList = json<{ items: ImportDto[] }>(await client(t.app, secretariat).get('/api/v1/imports'));
    expect(secretariatList.items.length).toBeGreaterThan(0);
    expect(secretariatList.items.every((i) => i.kind === 'ctdc')).toBe(true);
    // A CTDC import is not case data: case workers do not see it.
    const ctdc = secretariatList.items[0] as ImportDto;
    expectProblem(await client(t.app, workerA).get(`/api/v1/imports/${ctdc.id}`), 404);

    // Paging: newest first, every import once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ImportDto[]; nextCursor: string | null } = json(
        await client(t.app, analyst).get('/api/v1/imports', { query: { limit: '2', ...(cursor ? { cursor } : {}) } }),
      );
      seen.push(...page.items.map((i) => i.createdAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.length).toBe(secretariatList.items.length);
  });

  it('an import a stopped process left running is marked failed at start-up', async () => {
    const id = '0190a0b1-0000-7000-8000-0000000000ff';
    await t.ctx.db
      .insertInto('imports')
      .values({
        id,
        kind: 'ctdc',
        status: 'running',
        file_name: 'left.csv',
        file_sha256: 'f'.repeat(64),
        agency_id: null,
        total_rows: 10,
        processed_rows: 5,
        valid_rows: 0,
        invalid_rows: 0,
        imported_rows: 0,
        errors_json: '[]',
        created_by: analyst.user.id,
        created_at: '2020-01-01T00:00:00.000Z',
        finished_at: null,
      })
      .execute();
    expect(await failInterruptedImports(t.ctx, new Date().toISOString())).toBe(1);
    const row = json<ImportDto>(await client(t.app, analyst).get(`/api/v1/imports/${id}`));
    expect(row.status).toBe('failed');
    expect(row.finishedAt).not.toBeNull();
  });
});
