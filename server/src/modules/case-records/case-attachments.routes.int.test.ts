import { ATTACHMENT_MAX_BYTES, type AttachmentDto } from '@kinga/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCase } from '../../../test/case-factories.ts';
import {
  agencyIdOf,
  auditOfResponse,
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  send,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { caseIdOf, SAMPLE_FILES, shareCase } from './case-records.fixtures.ts';

type Page = { items: AttachmentDto[]; nextCursor: string | null };

describeIntegration('case attachments', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let workerB: Session;
  let analyst: Session;
  let code: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [workerA, supervisorA, workerB, analyst] = await Promise.all([
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.caseworkerB),
      signIn(t.app, DEMO.analyst),
    ]);
    code = (await registerCase(t.app, workerA)).code;
    caseId = await caseIdOf(t.ctx, code);
  });
  afterAll(() => t?.close());

  const url = (c = code) => `/api/v1/cases/${c}/attachments`;

  function upload(
    session: Session | null,
    content: Buffer | string,
    fileName: string | null,
    options: { contentType?: string | null; caseCode?: string; withoutCsrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/octet-stream';
    if (fileName !== null) headers['x-file-name'] = fileName;
    return send(t.app, session, 'POST', url(options.caseCode), {
      payload: content,
      headers,
      withoutCsrf: options.withoutCsrf ?? false,
    });
  }

  async function attachmentRows(): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('case_attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Asserts the request was refused with the status and wrote no attachment and no upload audit row. */
  async function expectNothingStored(res: LightMyRequestResponse, before: number, status: number, code?: string) {
    expectProblem(res, status, code);
    expect(await attachmentRows()).toBe(before);
    const audit = await auditOfResponse(t.ctx, res);
    expect(audit.filter((a) => a.action === 'case.attachment.upload')).toEqual([]);
  }

  describe('upload', () => {
    it('accepts a PNG with its declared type, judged by content, and audits the upload', async () => {
      const res = await upload(workerA, SAMPLE_FILES.png, 'photo%20of%20injury.png', { contentType: 'image/png' });
      expect(res.statusCode, res.body).toBe(201);
      const dto = json<AttachmentDto>(res);
      expect(dto).toMatchObject({
        fileName: 'photo of injury.png',
        mediaType: 'image/png',
        size: SAMPLE_FILES.png.length,
        uploadedByName: workerA.user.name,
      });
      await expectAudit(t.ctx, res, { action: 'case.attachment.upload', entityType: 'case', entityId: caseId });
    });

    it('accepts a PDF sent as application/octet-stream and a JPEG sent with a wrong declared type', async () => {
      const pdf = await upload(workerA, SAMPLE_FILES.pdf, 'statement.pdf');
      expect(pdf.statusCode, pdf.body).toBe(201);
      expect(json<AttachmentDto>(pdf).mediaType).toBe('application/pdf');
      const jpeg = await upload(supervisorA, SAMPLE_FILES.jpeg, 'scan.png', { contentType: 'text/plain' });
      expect(jpeg.statusCode, jpeg.body).toBe(201);
      expect(json<AttachmentDto>(jpeg).mediaType).toBe('image/jpeg');
    });

    it('refuses an executable renamed .pdf and plain text with 415, storing nothing', async () => {
      const before = await attachmentRows();
      await expectNothingStored(
        await upload(workerA, SAMPLE_FILES.exe, 'invoice.pdf', { contentType: 'application/pdf' }),
        before,
        415,
        'unsupported_media_type',
      );
      await expectNothingStored(
        await upload(workerA, SAMPLE_FILES.text, 'notes.pdf'),
        before,
        415,
        'unsupported_media_type',
      );
    });

    it('refuses a file over 5 MB with 413 problem+json, storing nothing', async () => {
      const before = await attachmentRows();
      const big = Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - SAMPLE_FILES.png.length)]);
      await expectNothingStored(await upload(workerA, big, 'big.png'), before, 413, 'attachment_too_large');
    });

    it('accepts a file of exactly 5 MB', async () => {
      const limit = Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(ATTACHMENT_MAX_BYTES - SAMPLE_FILES.png.length)]);
      const res = await upload(workerA, limit, 'limit.png');
      expect(res.statusCode, res.body).toBe(201);
      expect(json<AttachmentDto>(res).size).toBe(ATTACHMENT_MAX_BYTES);
    });

    it('refuses an empty body with 400', async () => {
      const before = await attachmentRows();
      await expectNothingStored(await upload(workerA, '', 'empty.pdf'), before, 400, 'empty_file');
    });

    it('needs X-File-Name; keeps only the last path segment without control characters; at most 200 characters', async () => {
      const before = await attachmentRows();
      const missing = await upload(workerA, SAMPLE_FILES.png, null);
      await expectNothingStored(missing, before, 400, 'validation_failed');
      for (const bad of [
        '%E0%A4%A',
        encodeURIComponent('a/b/'),
        encodeURIComponent('..'),
        encodeURIComponent('x'.repeat(201)),
      ]) {
        await expectNothingStored(await upload(workerA, SAMPLE_FILES.png, bad), before, 400, 'validation_failed');
      }
      const cases: [string, string][] = [
        ['../../etc/passwd.png', 'passwd.png'],
        ['C:\\Users\\worker\\Desktop\\scan.png', 'scan.png'],
        ['bell\u0007\u0000 and\u202Egnp.exe', 'bell andgnp.exe'],
        ['Taarifa ya Achieng – Mombasa.png', 'Taarifa ya Achieng – Mombasa.png'],
        [`${'ü'.repeat(196)}.png`, `${'ü'.repeat(196)}.png`],
      ];
      for (const [sent, stored] of cases) {
        const res = await upload(workerA, SAMPLE_FILES.png, encodeURIComponent(sent));
        expect(res.statusCode, res.body).toBe(201);
        expect(json<AttachmentDto>(res).fileName).toBe(stored);
      }
    });

    it('judges the file, not the declared content type, and never answers 5xx for an odd one', async () => {
      const before = await attachmentRows();
      for (const contentType of [
        null,
        '',
        'application/json',
        'multipart/form-data; boundary=----x',
        'application/x-www-form-urlencoded',
        'text/plain; charset=utf-8',
        'not a media type',
      ]) {
        const res = await upload(workerA, '{"a": 1}', 'odd.pdf', { contentType });
        await expectNothingStored(res, before, 415, 'unsupported_media_type');
      }
      const png = await upload(workerA, SAMPLE_FILES.png, 'photo.png', { contentType: 'application/json' });
      expect(png.statusCode, png.body).toBe(201);
    });

    it('refuses an upload without the CSRF token', async () => {
      const before = await attachmentRows();
      const res = await upload(workerA, SAMPLE_FILES.png, 'photo.png', { withoutCsrf: true });
      await expectNothingStored(res, before, 403, 'csrf_failed');
    });

    it('refuses to attach to a closed case (409)', async () => {
      const closed = await registerCase(t.app, workerA);
      await client(t.app, workerA).post(`/api/v1/cases/${closed.code}/closure`, {
        status: 'Closed',
        reason: 'Reintegrated with family',
      });
      await client(t.app, supervisorA).post(`/api/v1/cases/${closed.code}/closure/approve`);
      const res = await upload(workerA, SAMPLE_FILES.png, 'late.png', { caseCode: closed.code });
      expectProblem(res, 409, 'case_closed');
    });
  });

  describe('reading and downloading', () => {
    let pdf: AttachmentDto;
    const name = 'Taarifa ya "Achieng" – 100%.pdf';

    beforeAll(async () => {
      pdf = json<AttachmentDto>(await upload(workerA, SAMPLE_FILES.pdf, encodeURIComponent(name)));
    });

    it('downloads the bytes uploaded, as an attachment that is neither sniffed nor cached, and audits it', async () => {
      const res = await client(t.app, workerA).get(`${url()}/${pdf.id}/content`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Taarifa ya _Achieng_ _ 100_.pdf"; filename*=UTF-8''Taarifa%20ya%20%22Achieng%22%20%E2%80%93%20100%25.pdf`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      await expectAudit(t.ctx, res, { action: 'case.attachment.download', entityType: 'case', entityId: caseId });
      // Every download is audited, not only the first.
      const again = await client(t.app, supervisorA).get(`${url()}/${pdf.id}/content`);
      await expectAudit(t.ctx, again, { action: 'case.attachment.download', actorId: supervisorA.user.id });
    });

    it('keeps neither the file name nor the content in clear in the database', async () => {
      const row = await t.ctx.db
        .selectFrom('case_attachments')
        .selectAll()
        .where('id', '=', pdf.id)
        .executeTakeFirstOrThrow();
      expect(row.size).toBe(SAMPLE_FILES.pdf.length);
      for (const encoding of ['latin1', 'base64', 'base64url', 'hex'] as const) {
        expect(row.content_enc).not.toContain(SAMPLE_FILES.pdf.toString(encoding).slice(0, 40));
      }
      expect(row.content_enc).not.toContain('Canary-7731');
      expect(row.file_name_enc).not.toContain('Achieng');
      expect(row.file_name_enc).not.toContain(Buffer.from(name).toString('base64url').slice(0, 12));
    });

    it('lists attachments newest first, a page at a time, and audits the read', async () => {
      const first = await client(t.app, workerA).get(url(), { query: { limit: '2' } });
      expect(first.statusCode).toBe(200);
      const page1 = json<Page>(first);
      expect(page1.items).toHaveLength(2);
      expect(page1.items[0]).toMatchObject({ id: pdf.id, fileName: name, mediaType: 'application/pdf' });
      expect(page1.nextCursor).not.toBeNull();
      await expectAudit(t.ctx, first, { action: 'case.attachment.list', entityId: caseId });
      const page2 = json<Page>(
        await client(t.app, workerA).get(url(), { query: { limit: '200', cursor: page1.nextCursor ?? '' } }),
      );
      const all = [...page1.items, ...page2.items];
      expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
      const times = all.map((a) => a.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(page2.nextCursor).toBeNull();
    });

    it('answers 404 for an attachment of another case and 400 for a bad cursor', async () => {
      const other = await registerCase(t.app, workerA);
      expectProblem(await client(t.app, workerA).get(`${url(other.code)}/${pdf.id}/content`), 404);
      expectProblem(await client(t.app, workerA).get(url(), { query: { cursor: 'not-a-cursor' } }), 400);
    });
  });

  describe('access', () => {
    let attachmentId: string;
    beforeAll(async () => {
      attachmentId = json<AttachmentDto>(await upload(workerA, SAMPLE_FILES.png, 'photo.png')).id;
    });

    it('refuses anonymous callers with 401', async () => {
      expectProblem(await client(t.app, null).get(url()), 401, 'unauthenticated');
      expectProblem(await client(t.app, null).get(`${url()}/${attachmentId}/content`), 401, 'unauthenticated');
      expectProblem(await upload(null, SAMPLE_FILES.png, 'photo.png'), 401, 'unauthenticated');
    });

    it("hides agency A's case from case worker B (404, audited as denied)", async () => {
      const before = await attachmentRows();
      for (const res of [
        await client(t.app, workerB).get(url()),
        await client(t.app, workerB).get(`${url()}/${attachmentId}/content`),
        await upload(workerB, SAMPLE_FILES.png, 'photo.png'),
      ]) {
        expectProblem(res, 404, 'not_found');
        await expectDenied(t.ctx, res, workerB, { entityType: 'case', entityId: caseId });
        expect(res.body).not.toContain('photo');
      }
      expect(await attachmentRows()).toBe(before);
    });

    it('refuses an analyst: no upload (403) and no attachments in the de-identified view (403, audited)', async () => {
      const before = await attachmentRows();
      const write = await upload(analyst, SAMPLE_FILES.png, 'photo.png');
      expectProblem(write, 403);
      await expectDenied(t.ctx, write, analyst);
      expect(await attachmentRows()).toBe(before);
      for (const res of [
        await client(t.app, analyst).get(url()),
        await client(t.app, analyst).get(`${url()}/${attachmentId}/content`),
      ]) {
        expectProblem(res, 403, 'attachments_not_visible');
        await expectDenied(t.ctx, res, analyst, { entityId: caseId });
      }
    });

    it('refuses a receiving agency even when the consent shares every section (403)', async () => {
      const shared = await registerCase(t.app, workerA);
      const sharedId = await caseIdOf(t.ctx, shared.code);
      const id = json<AttachmentDto>(
        await upload(workerA, SAMPLE_FILES.png, 'photo.png', { caseCode: shared.code }),
      ).id;
      await shareCase(t.ctx, sharedId, {
        agencyId: await agencyIdOf(t.ctx, "Children's Services Office, Kisumu"),
        sections: ['identity', 'contact', 'victim', 'route', 'screening', 'services'],
      });
      expectProblem(await client(t.app, workerB).get(url(shared.code)), 403, 'attachments_not_visible');
      expectProblem(
        await client(t.app, workerB).get(`${url(shared.code)}/${id}/content`),
        403,
        'attachments_not_visible',
      );
      const write = await upload(workerB, SAMPLE_FILES.png, 'photo.png', { caseCode: shared.code });
      expectProblem(write, 403, 'read_only_case');
    });
  });
});
