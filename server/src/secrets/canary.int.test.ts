import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AttachmentDto, CaseDto, NoteDto, RevealedIdentityDto, ScreeningDto, ServiceDto } from '@kinga/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput, registerCase } from '../../test/case-factories.ts';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  json,
  send,
  signIn,
  TEST_ENGINE,
  type Session,
  type TestApp,
} from '../../test/harness.ts';
import { createBackup } from '../backup/backup.ts';
import {
  normaliseEmail,
  normaliseIdentityNumber,
  normaliseName,
  normalisePhone,
} from '../modules/cases/case-fields.ts';

/**
 * The canary test: identifying details entered through the API must never be at rest in clear
 * — not in the database (SQLite file and write-ahead log, or any PostgreSQL row), not in a
 * backup, not in the logs — in any encoding, while the API still reveals them to whoever may see
 * them (a test that passes because nothing was stored would prove nothing).
 */

const CANARY = {
  firstName: 'Zawadi-CANARY-7Q',
  middleName: 'Njeri-CANARY-3K',
  lastName: 'Mwende-CANARY-9X',
  birthDate: '1987-11-23',
  identityNumber: 'CNR-7Q-55123',
  phone: '0799 123 457',
  email: 'Zawadi.Canary7Q@example.org',
  address: 'Plot 7Q, Canary-Lane, Kawangware',
  narrative: 'Recruited by CANARY-AGENT-7Q at the Kawangware stage; her passport is kept by Madam Canary-Hafsa.',
  recruitmentPlace: 'Canaryville-7Q-Junction',
  exploitationPlace: 'Canary-Compound-Riyadh-7Q',
  note: 'CANARY-NOTE-7Q: called from a borrowed phone; the safe word is Kifaru-Canary-7Q.',
  screeningNote: 'CANARY-SCREEN-7Q: bruises on both wrists.',
  serviceDetails: 'CANARY-SERVICE-7Q: shelter at Canary-House-7Q until the court date.',
  attachmentText: 'Statement of CANARY-ATTACH-7Q',
  attachmentName: 'CANARY-FILE-7Q statement.pdf',
} as const;

/** What the server derives from the canaries (normalised forms behind the blind indexes). */
const DERIVED = [
  normalisePhone(CANARY.phone),
  CANARY.phone.replace(/\D/g, ''),
  normaliseEmail(CANARY.email),
  normaliseIdentityNumber(CANARY.identityNumber),
  normaliseName(CANARY.firstName, CANARY.lastName),
  normaliseName(CANARY.firstName, CANARY.middleName, CANARY.lastName),
].filter((v): v is string => v !== null);

/** The markers inside the longer canaries: a value stored cut short or reworded is still caught. */
const MARKERS = [
  'CANARY-AGENT-7Q',
  'Canary-Hafsa',
  'CANARY-NOTE-7Q',
  'Kifaru-Canary-7Q',
  'CANARY-SCREEN-7Q',
  'CANARY-SERVICE-7Q',
  'Canary-House-7Q',
  'CANARY-ATTACH-7Q',
  'CANARY-FILE-7Q',
];

const NEEDLES = [...new Set([...Object.values(CANARY), ...DERIVED, ...MARKERS])];

/** A one-page PDF whose text is a canary. */
function canaryPdf(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj',
      `4 0 obj << /Length ${CANARY.attachmentText.length + 26} >> stream`,
      `BT /F1 12 Tf 20 100 Td (${CANARY.attachmentText}) Tj ET`,
      'endstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
    'latin1',
  );
}

/** ASCII letters folded to lower case, byte by byte: a case-insensitive search in UTF-8 and UTF-16 alike. */
function foldCase(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i += 1) {
    const b = out[i] as number;
    if (b >= 0x41 && b <= 0x5a) out[i] = b + 0x20;
  }
  return out;
}

/** The base64 of a value at each of the three alignments it can have inside longer data. */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const form = encoded.slice(start, end);
    forms.push(form, form.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(forms)];
}

interface Needle {
  label: string;
  bytes: Buffer;
  /** Compared with the case folded (text), or exactly (base64). */
  folded: boolean;
}

const SEARCHED: Needle[] = NEEDLES.flatMap((value) => {
  const utf16le = Buffer.from(value, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  return [
    { label: `"${value}" (UTF-8)`, bytes: foldCase(Buffer.from(value, 'utf8')), folded: true },
    { label: `"${value}" (UTF-16LE)`, bytes: foldCase(utf16le), folded: true },
    { label: `"${value}" (UTF-16BE)`, bytes: foldCase(utf16be), folded: true },
    ...base64Forms(value).map((form) => ({
      label: `"${value}" (base64 ${form})`,
      bytes: Buffer.from(form, 'latin1'),
      folded: false,
    })),
  ];
});

/** Every canary found in the bytes, described for the failure message; [] when none is. */
function findCanaries(haystack: Buffer, where: string): string[] {
  const folded = foldCase(haystack);
  return SEARCHED.filter((n) => (n.folded ? folded : haystack).includes(n.bytes)).map((n) => `${n.label} in ${where}`);
}

function itemsOf<T>(body: unknown): T[] {
  return Array.isArray(body) ? (body as T[]) : ((body as { items: T[] }).items ?? []);
}

describeIntegration('canary: identifying data is never at rest or in logs in clear', () => {
  let t: TestApp;
  let worker: Session;
  let code: string;
  let sealedFirstName: string;
  const hasRoute = (method: 'GET' | 'POST', url: string) => t.app.hasRoute({ method, url });
  const recorded = { note: false, screening: false, service: false, attachment: false };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', captureLogs: true });
    worker = await signIn(t.app, DEMO.caseworkerA);
    const dto = await registerCase(
      t.app,
      worker,
      buildCaseInput({
        identity: {
          firstName: CANARY.firstName,
          middleName: CANARY.middleName,
          lastName: CANARY.lastName,
          birthDate: CANARY.birthDate,
          identityNumber: CANARY.identityNumber,
        },
        contact: { phone: CANARY.phone, email: CANARY.email, address: CANARY.address },
        narrative: CANARY.narrative,
        events: [
          { type: 'Recruitment', country: 'KE', countyCode: 47, place: CANARY.recruitmentPlace, date: '2025-01-10' },
          { type: 'Exploitation', country: 'SA', countyCode: null, place: CANARY.exploitationPlace, date: null },
        ],
      }),
    );
    code = dto.code;
    const as = client(t.app, worker);

    // The records kept beside a case, where their routes are registered.
    if (hasRoute('POST', '/api/v1/cases/:code/notes')) {
      const res = await as.post(`/api/v1/cases/${code}/notes`, { body: CANARY.note });
      expect(res.statusCode, res.body).toBe(201);
      recorded.note = true;
    }
    if (hasRoute('POST', '/api/v1/cases/:code/screenings')) {
      const res = await as.post(`/api/v1/cases/${code}/screenings`, {
        acts: ['Recruitment'],
        means: ['Deception'],
        purposes: ['ForcedLabourOrServices'],
        iloIndicators: [],
        ageAtExploitation: 37,
        notes: CANARY.screeningNote,
      });
      expect(res.statusCode, res.body).toBe(201);
      recorded.screening = true;
    }
    if (hasRoute('POST', '/api/v1/cases/:code/services')) {
      const res = await as.post(`/api/v1/cases/${code}/services`, {
        type: 'Shelter',
        providerAgencyId: null,
        startDate: '2026-01-05',
        endDate: null,
        status: 'in_progress',
        details: CANARY.serviceDetails,
      });
      expect(res.statusCode, res.body).toBe(201);
      recorded.service = true;
    }
    if (hasRoute('POST', '/api/v1/cases/:code/attachments')) {
      const res = await send(t.app, worker, 'POST', `/api/v1/cases/${code}/attachments`, {
        payload: canaryPdf(),
        headers: {
          'content-type': 'application/pdf',
          'x-file-name': encodeURIComponent(CANARY.attachmentName),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      recorded.attachment = true;
    }

    // Searches and a refused intake carry canaries in request bodies: they must not reach the logs.
    const found = await as.post('/api/v1/cases/search', { field: 'phone', value: '+254 799 123 457' });
    expect(found.statusCode, found.body).toBe(200);
    expect(itemsOf<{ code: string }>(json(found)).map((c) => c.code)).toContain(code);
    const byName = await as.post('/api/v1/cases/search', {
      field: 'name',
      value: `${CANARY.lastName} ${CANARY.firstName}`,
    });
    expect(itemsOf<{ code: string }>(json(byName)).map((c) => c.code)).toContain(code);
    const duplicates = await as.post('/api/v1/cases/duplicates', {
      firstName: CANARY.firstName,
      lastName: CANARY.lastName,
      birthDate: CANARY.birthDate,
    });
    expect(duplicates.statusCode, duplicates.body).toBe(200);
    const refused = await as.post('/api/v1/cases', {
      identity: { firstName: `${CANARY.firstName} ${'x'.repeat(120)}` },
      contact: { email: CANARY.email },
    });
    expect(refused.statusCode).toBe(400);

    await t.ctx.audit.drain();
    const row = await t.ctx.db
      .selectFrom('cases')
      .select('first_name_enc')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    sealedFirstName = row.first_name_enc ?? '';
    expect(sealedFirstName).toMatch(/^k1\./);
  }, 60_000);
  afterAll(() => t?.close());

  it('the API still reveals every canary to the case worker (they were stored, not dropped)', async () => {
    const as = client(t.app, worker);
    const revealed = json<RevealedIdentityDto>(await as.post(`/api/v1/cases/${code}/identity`));
    expect(revealed.identity).toEqual({
      firstName: CANARY.firstName,
      middleName: CANARY.middleName,
      lastName: CANARY.lastName,
      birthDate: CANARY.birthDate,
      identityNumber: CANARY.identityNumber,
    });
    expect(revealed.contact).toEqual({ phone: CANARY.phone, email: CANARY.email, address: CANARY.address });
    expect(revealed.narrative).toBe(CANARY.narrative);
    const read = json<CaseDto>(await as.get(`/api/v1/cases/${code}`));
    expect(read.events?.map((e) => e.place)).toEqual([CANARY.recruitmentPlace, CANARY.exploitationPlace]);

    if (recorded.note) {
      const notes = itemsOf<NoteDto>(json(await as.get(`/api/v1/cases/${code}/notes`)));
      expect(notes.map((n) => n.body)).toContain(CANARY.note);
    }
    if (recorded.screening) {
      const screenings = itemsOf<ScreeningDto>(json(await as.get(`/api/v1/cases/${code}/screenings`)));
      expect(screenings.map((s) => s.notes)).toContain(CANARY.screeningNote);
    }
    if (recorded.service) {
      const services = itemsOf<ServiceDto>(json(await as.get(`/api/v1/cases/${code}/services`)));
      expect(services.map((s) => s.details)).toContain(CANARY.serviceDetails);
    }
    if (recorded.attachment) {
      const attachments = itemsOf<AttachmentDto>(json(await as.get(`/api/v1/cases/${code}/attachments`)));
      const attachment = attachments.find((a) => a.fileName === CANARY.attachmentName);
      expect(attachment, JSON.stringify(attachments)).toBeDefined();
      const content = await as.get(`/api/v1/cases/${code}/attachments/${attachment?.id ?? ''}/content`);
      expect(content.statusCode).toBe(200);
      expect(content.rawPayload.equals(canaryPdf())).toBe(true);
    }
    console.log(
      `[canary ${TEST_ENGINE}] case identity, contact, narrative, event places; ${
        Object.entries(recorded)
          .filter(([, done]) => done)
          .map(([what]) => what)
          .join(', ') || 'no case records (routes not registered)'
      }: ${NEEDLES.length} values, ${SEARCHED.length} encodings searched`,
    );
  });

  describe.runIf(TEST_ENGINE === 'sqlite')('SQLite', () => {
    /** The database file, its write-ahead log and shared-memory index, as they are on disk now. */
    function readFiles(): { name: string; bytes: Buffer }[] {
      const file = t.ctx.database.sqliteFile ?? '';
      return ['', '-wal', '-shm']
        .map((suffix) => `${file}${suffix}`)
        .filter((f) => fs.existsSync(f))
        .map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
    }

    it('no canary in the database file or its -wal, before and after a checkpoint', () => {
      const before = readFiles();
      const wal = before.find((f) => f.name.endsWith('-wal'));
      // The recent writes are in the log before a checkpoint: it is what must be searched.
      expect(wal?.bytes.length ?? 0).toBeGreaterThan(0);
      expect(before.some((f) => f.bytes.includes(Buffer.from(sealedFirstName)))).toBe(true);
      const leaksBefore = before.flatMap((f) => findCanaries(f.bytes, `${f.name} before checkpoint`));

      t.ctx.database.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
      const after = readFiles();
      const main = after.find((f) => f.name === 'kinga.db');
      expect(main?.bytes.includes(Buffer.from(sealedFirstName))).toBe(true);
      const leaksAfter = after.flatMap((f) => findCanaries(f.bytes, `${f.name} after checkpoint`));

      expect([...leaksBefore, ...leaksAfter]).toEqual([]);
    });
  });

  describe.runIf(TEST_ENGINE === 'postgres')('PostgreSQL', () => {
    it('no canary in any row of any table', async () => {
      const { rows: tables } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(t.ctx.db);
      expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['cases', 'case_events', 'audit_events']));
      const leaks: string[] = [];
      let sawSealed = false;
      for (const { name } of tables) {
        const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(t.ctx.db);
        const dump = Buffer.from(rows.map((r) => r.row).join('\n'), 'utf8');
        if (dump.includes(Buffer.from(sealedFirstName))) sawSealed = true;
        leaks.push(...findCanaries(dump, `table ${name}`));
      }
      expect(sawSealed).toBe(true);
      expect(leaks).toEqual([]);
    });
  });

  it('no canary in a backup (decompressed)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-canary-'));
    try {
      const file = path.join(dir, 'canary.jsonl.gz');
      await createBackup(t.ctx, file);
      const content = gunzipSync(fs.readFileSync(file));
      expect(content.includes(Buffer.from(sealedFirstName))).toBe(true);
      expect(findCanaries(content, 'the backup')).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no canary in the logs, at every level', async () => {
    await t.ctx.audit.drain();
    const logs = t.logs();
    // The requests were logged (the search and the reveal among them): the logs were really captured.
    expect(logs).toContain(`/api/v1/cases/${code}/identity`);
    expect(logs).toContain('/api/v1/cases/search');
    expect(findCanaries(Buffer.from(logs, 'utf8'), 'the logs')).toEqual([]);
  });
});
