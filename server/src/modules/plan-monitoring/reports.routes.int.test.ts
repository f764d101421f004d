import type { EvidenceDto, ProgressReportDto, ReportingPeriodDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../../test/factories.ts';
import {
  agencyIdOf,
  auditRows,
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
  type Method,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { insertPlan, type InsertedPlan } from '../../../test/plan-factories.ts';
import { SAMPLE_FILES } from '../case-records/case-records.fixtures.ts';
import { LAST_YEAR, monitoredPlanSpec, NEXT_YEAR, type LeadAgencies } from './plan-monitoring.fixtures.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';

describeIntegration('plan monitoring: periods and progress reports', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let policeFocal: Session;
  let caseworker: Session;
  let admin: Session;
  let agencies: LeadAgencies;
  let helpline: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal, caseworker, admin] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.admin),
    ]);
    agencies = {
      labour: focal.user.agencyId,
      police: await agencyIdOf(t.ctx, 'Anti-Human Trafficking Police Unit (demo)'),
      tumaini: await agencyIdOf(t.ctx, 'Tumaini Safe House'),
    };
    helpline = await agencyIdOf(t.ctx, 'National Trafficking Helpline (demo)');
    const policeUser = await insertUser(t.ctx, { agencyId: agencies.police, roles: ['focal_point'] });
    policeFocal = await signIn(t.app, policeUser.email, policeUser.password);
  });
  afterAll(() => t?.close());

  const reportsUrl = (plan: InsertedPlan, label: string) =>
    `/api/v1/plans/${plan.id}/periods/${plan.period(label).id}/reports`;
  const reportUrl = (plan: InsertedPlan, label: string, agencyId: string) => `${reportsUrl(plan, label)}/${agencyId}`;
  const fullEntries = (plan: InsertedPlan) => ({
    entries: [
      { activityKey: plan.key('a1'), status: 'on_track', narrative: 'Two sessions held in Mombasa and Nairobi' },
      { activityKey: plan.key('a2'), status: 'delayed', narrative: null },
    ],
  });

  it('refuses anonymous callers on every monitoring route with 401', async () => {
    const plan = `/api/v1/plans/${UNKNOWN_ID}`;
    const report = `${plan}/periods/${UNKNOWN_ID}/reports/${UNKNOWN_ID}`;
    const routes: [Method, string][] = [
      ['GET', `${plan}/periods`],
      ['GET', `${plan}/periods/${UNKNOWN_ID}/reports`],
      ['GET', report],
      ['PUT', report],
      ['POST', `${report}/submit`],
      ['POST', `${report}/accept`],
      ['POST', `${report}/return`],
      ['POST', `${report}/evidence`],
      ['GET', `${report}/evidence/${UNKNOWN_ID}`],
      ['DELETE', `${report}/evidence/${UNKNOWN_ID}`],
      ['PUT', `${plan}/periods/${UNKNOWN_ID}/actuals/${UNKNOWN_ID}`],
      ['GET', `${plan}/indicators`],
      ['GET', '/api/v1/indicator-sources'],
      ['GET', `${plan}/dashboard`],
    ];
    for (const [method, url] of routes) {
      expectProblem(await send(t.app, null, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  describe('periods', () => {
    it('lists the periods with the lead agencies whose report is missing after the due date', async () => {
      const plan = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
      const res = await client(t.app, admin).get(`/api/v1/plans/${plan.id}/periods`);
      expect(res.statusCode, res.body).toBe(200);
      const periods = json<ReportingPeriodDto[]>(res);
      expect(periods).toHaveLength(12);
      expect(periods[0]).toMatchObject({
        label: `${LAST_YEAR}-Q1`,
        startsOn: `${LAST_YEAR}-01-01`,
        endsOn: `${LAST_YEAR}-03-31`,
        dueOn: `${LAST_YEAR}-04-30`,
        missingReports: 3,
      });
      expect(periods.find((p) => p.label === `${NEXT_YEAR}-Q4`)?.missingReports).toBe(0);

      // Labour hands its report in: two lead agencies are still missing for that period.
      const url = reportUrl(plan, `${LAST_YEAR}-Q1`, agencies.labour);
      expect((await client(t.app, focal).put(url, fullEntries(plan))).statusCode).toBe(200);
      const draftOnly = json<ReportingPeriodDto[]>(await client(t.app, admin).get(`/api/v1/plans/${plan.id}/periods`));
      expect(draftOnly[0]?.missingReports).toBe(3);
      expect((await client(t.app, focal).post(`${url}/submit`)).statusCode).toBe(200);
      const after = json<ReportingPeriodDto[]>(await client(t.app, admin).get(`/api/v1/plans/${plan.id}/periods`));
      expect(after[0]?.missingReports).toBe(2);
    });

    it('answers 404 for an unknown plan, and zero missing reports without an adopted version', async () => {
      expectProblem(await client(t.app, admin).get(`/api/v1/plans/${UNKNOWN_ID}/periods`), 404, 'not_found');
      const draft = await insertPlan(t.ctx, monitoredPlanSpec(agencies, { versionStatus: 'draft' }));
      const res = await client(t.app, secretariat).get(`/api/v1/plans/${draft.id}/periods`);
      expect(res.statusCode).toBe(200);
      expect(json<ReportingPeriodDto[]>(res).every((p) => p.missingReports === 0)).toBe(true);
      expectProblem(
        await client(t.app, secretariat).get(reportsUrl(draft, `${LAST_YEAR}-Q1`)),
        409,
        'no_adopted_version',
      );
      expectProblem(
        await client(t.app, secretariat).get(`/api/v1/plans/${draft.id}/dashboard`),
        409,
        'no_adopted_version',
      );
      expectProblem(
        await client(t.app, secretariat).get(`/api/v1/plans/${draft.id}/indicators`),
        409,
        'no_adopted_version',
      );
    });
  });

  describe("the focal point's scope", () => {
    let plan: InsertedPlan;
    const label = `${LAST_YEAR}-Q2`;

    beforeAll(async () => {
      plan = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
    });

    it('the secretariat sees one row per lead agency, also before any report exists', async () => {
      const res = await client(t.app, secretariat).get(reportsUrl(plan, label));
      expect(res.statusCode, res.body).toBe(200);
      const rows = json<ProgressReportDto[]>(res);
      expect(rows.map((r) => r.agencyId).sort()).toEqual([agencies.labour, agencies.police, agencies.tumaini].sort());
      for (const row of rows) {
        expect(row).toMatchObject({ id: null, status: null, missing: true, editable: false, periodLabel: label });
      }
      const labour = rows.find((r) => r.agencyId === agencies.labour);
      expect(labour?.entries.map((e) => [e.activityNumber, e.activityKey, e.status])).toEqual([
        ['1.1.1', plan.key('a1'), null],
        ['1.1.2', plan.key('a2'), null],
      ]);
    });

    it('a focal point sees only its own agency in the list', async () => {
      const res = await client(t.app, focal).get(reportsUrl(plan, label));
      expect(res.statusCode).toBe(200);
      const rows = json<ProgressReportDto[]>(res);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ agencyId: agencies.labour, editable: true });
      const police = json<ProgressReportDto[]>(await client(t.app, policeFocal).get(reportsUrl(plan, label)));
      expect(police.map((r) => r.agencyId)).toEqual([agencies.police]);
    });

    it('others with plan:read only are refused the reports (403, audited)', async () => {
      for (const who of [caseworker, admin]) {
        const res = await client(t.app, who).get(reportsUrl(plan, label));
        expectProblem(res, 403);
        await expectDenied(t.ctx, res, who);
        expectProblem(await client(t.app, who).get(reportUrl(plan, label, agencies.labour)), 403);
      }
    });

    it("another agency's report is 404 for a focal point, audited as denied; the secretariat reads it", async () => {
      const res = await client(t.app, focal).get(reportUrl(plan, label, agencies.police));
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal);
      const own = await client(t.app, focal).get(reportUrl(plan, label, agencies.labour));
      expect(own.statusCode).toBe(200);
      const bySecretariat = await client(t.app, secretariat).get(reportUrl(plan, label, agencies.police));
      expect(bySecretariat.statusCode).toBe(200);
      expect(json<ProgressReportDto>(bySecretariat)).toMatchObject({ agencyId: agencies.police, editable: false });
      expect(json<ProgressReportDto>(bySecretariat).entries.map((e) => e.activityKey)).toEqual([plan.key('a3')]);
    });

    it('an agency that leads nothing, an unknown period or plan: 404', async () => {
      expectProblem(await client(t.app, secretariat).get(reportUrl(plan, label, helpline)), 404);
      expectProblem(
        await client(t.app, secretariat).get(`/api/v1/plans/${plan.id}/periods/${UNKNOWN_ID}/reports`),
        404,
      );
      const other = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
      // A period of another plan is not this plan's.
      expectProblem(
        await client(t.app, secretariat).get(`/api/v1/plans/${plan.id}/periods/${other.period(label).id}/reports`),
        404,
      );
      expectProblem(
        await client(t.app, secretariat).get(`/api/v1/plans/${UNKNOWN_ID}/periods/${UNKNOWN_ID}/reports`),
        404,
      );
    });

    it("an entry for another agency's activity is 404, audited, and writes nothing", async () => {
      const res = await client(t.app, focal).put(reportUrl(plan, label, agencies.labour), {
        entries: [{ activityKey: plan.key('a3'), status: 'on_track' }],
      });
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityType: 'plan_element', entityId: plan.key('a3') });
      const report = json<ProgressReportDto>(await client(t.app, focal).get(reportUrl(plan, label, agencies.labour)));
      expect(report.id).toBeNull();
      // An indicator is not an activity either.
      expectProblem(
        await client(t.app, focal).put(reportUrl(plan, label, agencies.labour), {
          entries: [{ activityKey: plan.key('i1'), status: 'on_track' }],
        }),
        404,
      );
    });

    it("writing another agency's report is 404; the secretariat does not write reports (403)", async () => {
      const res = await client(t.app, focal).put(reportUrl(plan, label, agencies.police), {
        entries: [{ activityKey: plan.key('a3'), status: 'on_track' }],
      });
      expectProblem(res, 404);
      await expectDenied(t.ctx, res, focal);
      expectProblem(await client(t.app, focal).post(`${reportUrl(plan, label, agencies.police)}/submit`), 404);
      const bySecretariat = await client(t.app, secretariat).put(reportUrl(plan, label, agencies.police), {
        entries: [],
      });
      expectProblem(bySecretariat, 403);
      await expectDenied(t.ctx, bySecretariat, secretariat);
      expect(
        await t.ctx.db.selectFrom('progress_reports').select('id').where('agency_id', '=', agencies.police).execute(),
      ).toEqual([]);
    });

    it('a period that has not started takes no report (409)', async () => {
      const res = await client(t.app, focal).put(
        reportUrl(plan, `${NEXT_YEAR}-Q4`, agencies.labour),
        fullEntries(plan),
      );
      expectProblem(res, 409, 'period_not_started');
    });

    it('bad input is 400', async () => {
      const url = reportUrl(plan, label, agencies.labour);
      expectProblem(
        await client(t.app, focal).put(url, { entries: [{ activityKey: 'nope', status: 'on_track' }] }),
        400,
      );
      expectProblem(
        await client(t.app, focal).put(url, { entries: [{ activityKey: plan.key('a1'), status: 'finished' }] }),
        400,
      );
      const twice = { activityKey: plan.key('a1'), status: 'on_track' };
      expectProblem(await client(t.app, focal).put(url, { entries: [twice, twice] }), 400);
      expectProblem(await client(t.app, focal).get(`/api/v1/plans/${plan.id}/periods/not-an-id/reports`), 400);
    });
  });

  describe('draft, submit, accept and return', () => {
    let plan: InsertedPlan;
    let url: string;

    beforeAll(async () => {
      plan = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
      url = reportUrl(plan, `${LAST_YEAR}-Q3`, agencies.labour);
    });

    it('saves a draft and audits it without its text', async () => {
      const res = await client(t.app, focal).put(url, {
        entries: [{ activityKey: plan.key('a1'), status: 'on_track', narrative: 'Sessions in Kilifi went well' }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const report = json<ProgressReportDto>(res);
      expect(report).toMatchObject({ status: 'draft', editable: true, missing: true });
      expect(report.entries).toEqual([
        expect.objectContaining({
          activityKey: plan.key('a1'),
          status: 'on_track',
          narrative: 'Sessions in Kilifi went well',
        }),
        expect.objectContaining({ activityKey: plan.key('a2'), status: null, narrative: null }),
      ]);
      const audit = await expectAudit(t.ctx, res, {
        action: 'progress_report.save',
        outcome: 'success',
        actorId: focal.user.id,
        entityType: 'progress_report',
        entityId: report.id ?? '',
      });
      expect(JSON.stringify(audit)).not.toContain('Kilifi');
    });

    it('submitting without an entry for every activity is 422 naming the missing ones', async () => {
      const res = await client(t.app, focal).post(`${url}/submit`);
      const problem = expectProblem(res, 422, 'report_incomplete');
      expect(problem.issues).toEqual([
        { path: `entries.${plan.key('a2')}`, message: 'No entry for activity 1.1.2', code: 'missing_entry' },
      ]);
      expect(await auditRows(t.ctx, { requestId: res.headers['x-request-id'] as string })).toEqual([]);
    });

    it('accepting a draft is 409; a focal point may not accept (403)', async () => {
      expectProblem(await client(t.app, secretariat).post(`${url}/accept`, {}), 409, 'report_not_submitted');
      const res = await client(t.app, focal).post(`${url}/accept`, {});
      expectProblem(res, 403);
      await expectDenied(t.ctx, res, focal);
    });

    it('submits once every activity has an entry; the report is then locked', async () => {
      const saved = await client(t.app, focal).put(url, fullEntries(plan));
      expect(saved.statusCode).toBe(200);
      const res = await client(t.app, focal).post(`${url}/submit`);
      expect(res.statusCode, res.body).toBe(200);
      const report = json<ProgressReportDto>(res);
      expect(report).toMatchObject({ status: 'submitted', editable: false, missing: false });
      expect(report.submittedByName).toBe(focal.user.name);
      await expectAudit(t.ctx, res, { action: 'progress_report.submit', entityId: report.id ?? '' });
      expectProblem(await client(t.app, focal).put(url, fullEntries(plan)), 409, 'report_not_editable');
      expectProblem(await client(t.app, focal).post(`${url}/submit`), 409, 'report_not_editable');
    });

    it('the secretariat returns it with a comment (required); the agency edits it again as a draft', async () => {
      expectProblem(await client(t.app, secretariat).post(`${url}/return`, {}), 400, 'validation_failed');
      const res = await client(t.app, secretariat).post(`${url}/return`, {
        comment: 'Please give the number of inspectors trained in Kilifi',
      });
      expect(res.statusCode, res.body).toBe(200);
      const report = json<ProgressReportDto>(res);
      expect(report).toMatchObject({
        status: 'returned',
        reviewedByName: secretariat.user.name,
        reviewComment: 'Please give the number of inspectors trained in Kilifi',
        missing: true,
      });
      const audit = await expectAudit(t.ctx, res, { action: 'progress_report.return', entityId: report.id ?? '' });
      expect(JSON.stringify(audit)).not.toContain('inspectors');
      const seen = json<ProgressReportDto>(await client(t.app, focal).get(url));
      expect(seen).toMatchObject({ status: 'returned', editable: true });
      const edited = await client(t.app, focal).put(url, fullEntries(plan));
      expect(json<ProgressReportDto>(edited).status).toBe('draft');
    });

    it('accepts a resubmitted report with an optional comment', async () => {
      expect((await client(t.app, focal).post(`${url}/submit`)).statusCode).toBe(200);
      const res = await client(t.app, secretariat).post(`${url}/accept`, {});
      expect(res.statusCode, res.body).toBe(200);
      const report = json<ProgressReportDto>(res);
      expect(report).toMatchObject({ status: 'accepted', reviewComment: null, missing: false, editable: false });
      await expectAudit(t.ctx, res, {
        action: 'progress_report.accept',
        actorId: secretariat.user.id,
        entityId: report.id ?? '',
      });
      expectProblem(await client(t.app, secretariat).post(`${url}/accept`, {}), 409, 'report_not_submitted');
      expectProblem(await client(t.app, secretariat).post(`${url}/return`, { comment: 'Late' }), 409);
      expectProblem(await client(t.app, focal).put(url, fullEntries(plan)), 409, 'report_not_editable');
    });

    it('accepting or returning a report nobody started is 409', async () => {
      const police = reportUrl(plan, `${LAST_YEAR}-Q3`, agencies.police);
      expectProblem(await client(t.app, secretariat).post(`${police}/accept`, {}), 409, 'report_not_submitted');
    });
  });

  describe('evidence', () => {
    let plan: InsertedPlan;
    let url: string;
    let uploaded: EvidenceDto;

    const upload = (who: Session, target: string, content: Buffer | string, name: string, query = '') =>
      send(t.app, who, 'POST', `${target}/evidence${query}`, {
        payload: content,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
      });

    beforeAll(async () => {
      plan = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
      url = reportUrl(plan, `${LAST_YEAR}-Q4`, agencies.labour);
    });

    it('a focal point attaches a PNG to an activity of its own report, which starts the draft', async () => {
      const res = await upload(focal, url, SAMPLE_FILES.png, 'training photo.png', `?activityKey=${plan.key('a1')}`);
      expect(res.statusCode, res.body).toBe(201);
      uploaded = json<EvidenceDto>(res);
      expect(uploaded).toMatchObject({
        activityKey: plan.key('a1'),
        fileName: 'training photo.png',
        mediaType: 'image/png',
        size: SAMPLE_FILES.png.length,
        uploadedByName: focal.user.name,
      });
      const report = json<ProgressReportDto>(await client(t.app, focal).get(url));
      expect(report.status).toBe('draft');
      expect(report.evidence).toEqual([uploaded]);
      await expectAudit(t.ctx, res, { action: 'progress_report.evidence.upload', entityId: report.id ?? '' });
    });

    it('takes PDF, DOCX and XLSX files by their content', async () => {
      const { Document, Packer, Paragraph } = await import('docx');
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Attendance')] }] }));
      const { toXlsx } = await import('../../lib/spreadsheet.ts');
      const xlsx = toXlsx([{ header: 'county', value: (r: { c: string }) => r.c }], [{ c: 'Kilifi' }]);
      const expected: [Buffer, string, string][] = [
        [SAMPLE_FILES.pdf, 'report.pdf', 'application/pdf'],
        [docx, 'attendance.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        [xlsx, 'figures.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        // The name does not decide the type: a PNG called .pdf is a PNG.
        [SAMPLE_FILES.png, 'scan.pdf', 'image/png'],
      ];
      for (const [content, name, mediaType] of expected) {
        const res = await upload(focal, url, content, name);
        expect(res.statusCode, res.body).toBe(201);
        expect(json<EvidenceDto>(res)).toMatchObject({ fileName: name, mediaType, activityKey: null });
      }
    });

    it('refuses other file types (415), empty files and bad names (400) and files over 5 MB (413)', async () => {
      expectProblem(await upload(focal, url, SAMPLE_FILES.exe, 'minutes.pdf'), 415, 'unsupported_media_type');
      expectProblem(await upload(focal, url, SAMPLE_FILES.text, 'notes.txt'), 415, 'unsupported_media_type');
      expectProblem(await upload(focal, url, Buffer.alloc(0), 'empty.pdf'), 400, 'empty_file');
      expectProblem(await upload(focal, url, SAMPLE_FILES.png, '../'), 400, 'validation_failed');
      const noName = await send(t.app, focal, 'POST', `${url}/evidence`, {
        payload: SAMPLE_FILES.png,
        headers: { 'content-type': 'image/png' },
      });
      expectProblem(noName, 400);
      const huge = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(5 * 1024 * 1024)]);
      expectProblem(await upload(focal, url, huge, 'big.pdf'), 413, 'evidence_too_large');
    });

    it("evidence for another agency's activity or report is 404", async () => {
      const res = await upload(focal, url, SAMPLE_FILES.png, 'x.png', `?activityKey=${plan.key('a3')}`);
      expectProblem(res, 404);
      await expectDenied(t.ctx, res, focal, { entityType: 'plan_element' });
      const police = reportUrl(plan, `${LAST_YEAR}-Q4`, agencies.police);
      expectProblem(await upload(focal, police, SAMPLE_FILES.png, 'x.png'), 404);
      expectProblem(await upload(secretariat, police, SAMPLE_FILES.png, 'x.png'), 403);
    });

    it('downloads as an attachment with nosniff for the secretariat and the agency; audited', async () => {
      for (const who of [secretariat, focal]) {
        const res = await send(t.app, who, 'GET', `${url}/evidence/${uploaded.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('image/png');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="training photo.png"/);
        expect(res.rawPayload.equals(SAMPLE_FILES.png)).toBe(true);
        await expectAudit(t.ctx, res, { action: 'progress_report.evidence.download', actorId: who.user.id });
      }
      const hidden = await send(t.app, policeFocal, 'GET', `${url}/evidence/${uploaded.id}`);
      expectProblem(hidden, 404);
      await expectDenied(t.ctx, hidden, policeFocal);
      expectProblem(await send(t.app, caseworker, 'GET', `${url}/evidence/${uploaded.id}`), 403);
      expectProblem(await send(t.app, secretariat, 'GET', `${url}/evidence/${UNKNOWN_ID}`), 404);
    });

    it('deletes evidence while the report is a draft or returned, not once submitted', async () => {
      const extra = json<EvidenceDto>(await upload(focal, url, SAMPLE_FILES.jpeg, 'sheet.jpg'));
      expect(extra.mediaType).toBe('image/jpeg');
      expectProblem(await send(t.app, policeFocal, 'DELETE', `${url}/evidence/${extra.id}`), 404);
      expectProblem(await send(t.app, secretariat, 'DELETE', `${url}/evidence/${extra.id}`), 403);
      const res = await send(t.app, focal, 'DELETE', `${url}/evidence/${extra.id}`);
      expect(res.statusCode, res.body).toBe(204);
      await expectAudit(t.ctx, res, { action: 'progress_report.evidence.delete' });
      expectProblem(await send(t.app, focal, 'DELETE', `${url}/evidence/${extra.id}`), 404);

      expect((await client(t.app, focal).put(url, fullEntries(plan))).statusCode).toBe(200);
      expect((await client(t.app, focal).post(`${url}/submit`)).statusCode).toBe(200);
      expectProblem(await send(t.app, focal, 'DELETE', `${url}/evidence/${uploaded.id}`), 409, 'report_not_editable');
      expectProblem(await upload(focal, url, SAMPLE_FILES.png, 'late.png'), 409, 'report_not_editable');

      await client(t.app, secretariat).post(`${url}/return`, { comment: 'Photo is blurred' });
      const removed = await send(t.app, focal, 'DELETE', `${url}/evidence/${uploaded.id}`);
      expect(removed.statusCode).toBe(204);
      expect(json<ProgressReportDto>(await client(t.app, focal).get(url)).status).toBe('returned');
    });
  });
});
