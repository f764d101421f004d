import type { MeetingDto } from '@kinga/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docxText, pdfText } from '../../../test/documents.ts';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectProblem,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { insertPlan, objective, pillar, type InsertedPlan } from '../../../test/plan-factories.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The body of a file answer, checked to be a download of the expected type and name. */
function expectFile(res: LightMyRequestResponse, mediaType: string, fileName: string): Buffer {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(mediaType);
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['cache-control']).toBe('no-store');
  return res.rawPayload;
}

describeIntegration('plan documents', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let analyst: Session;
  let plan: InsertedPlan;
  let meeting: MeetingDto;
  const as = (s: Session | null) => client(t.app, s);
  const versionUrl = (id: string, number = 1) => `/api/v1/plans/${id}/versions/${number}/document`;
  const periodUrl = (id: string, periodId: string) => `/api/v1/plans/${id}/periods/${periodId}/document`;
  const minutesUrl = (id: string) => `/api/v1/meetings/${id}/minutes`;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal, analyst] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.analyst),
    ]);
    plan = await insertPlan(t.ctx, {
      title: 'National Plan of Action 2026–2030',
      periodStart: 2026,
      periodEnd: 2030,
      elements: [
        pillar('Prevention', [
          objective('Fewer Kenyans recruited into forced labour abroad', [
            {
              kind: 'activity',
              ref: 'inspectors',
              title: 'Train labour inspectors',
              leadAgencyId: focal.user.agencyId,
              countyCodes: [1, 47],
              startDate: '2026-01-01',
              endDate: '2026-12-31',
              budget: 1_250_000,
              children: [
                {
                  kind: 'indicator',
                  title: 'Inspectors trained',
                  unit: 'people',
                  baseline: 40,
                  baselineYear: 2025,
                  targets: [
                    { year: 2026, value: 120 },
                    { year: 2027, value: 200 },
                  ],
                  meansOfVerification: 'Training attendance lists',
                },
              ],
            },
          ]),
        ]),
      ],
    });
    const put = await as(focal).put(
      `/api/v1/plans/${plan.id}/periods/${plan.period('2026-Q1').id}/reports/${focal.user.agencyId}`,
      {
        entries: [
          {
            activityKey: plan.key('inspectors'),
            status: 'on_track',
            narrative: 'Two of four regional trainings held.',
          },
        ],
      },
    );
    expect(put.statusCode, put.body).toBe(200);

    const created = await as(secretariat).post('/api/v1/meetings', {
      kind: 'committee_meeting',
      title: 'Steering committee: adoption of the plan',
      startsAt: '2026-03-10T09:00:00+03:00',
      endsAt: '2026-03-10T12:30:00+03:00',
      place: 'Harambee House, Nairobi',
      agenda: '1. Adoption of the plan\n2. Any other business',
    });
    expect(created.statusCode, created.body).toBe(201);
    meeting = json<MeetingDto>(created);
    const attendance = await as(secretariat).put(`/api/v1/meetings/${meeting.id}/attendance`, {
      attendees: [{ name: 'Amina Wanjiru', agencyId: secretariat.user.agencyId, attendance: 'present' }],
    });
    expect(attendance.statusCode, attendance.body).toBe(200);
    const decision = await as(secretariat).post(`/api/v1/meetings/${meeting.id}/decisions`, {
      text: 'The committee adopts version 1 of the plan.',
    });
    expect(decision.statusCode, decision.body).toBe(201);
  });
  afterAll(() => t?.close());

  it('answers 401 to anonymous callers', async () => {
    for (const url of [versionUrl(plan.id), periodUrl(plan.id, plan.period('2026-Q1').id), minutesUrl(meeting.id)]) {
      expectProblem(await as(null).get(url, { query: { format: 'pdf' } }), 401);
    }
  });

  it('gives the plan version as a PDF in English, with its activities and indicators, and audits it', async () => {
    const res = await as(secretariat).get(versionUrl(plan.id), { query: { format: 'pdf', lang: 'en' } });
    const text = await pdfText(expectFile(res, 'application/pdf', 'kinga-plan-v1-en.pdf'));
    expect(text).toContain('National Plan of Action 2026–2030');
    expect(text).toContain('Period 2026–2030');
    expect(text).toContain('Version 1: Adopted');
    expect(text).toContain('1 Prevention');
    expect(text).toContain('1.1 | Fewer Kenyans recruited into forced labour abroad');
    expect(text).toMatch(
      /1\.1\.1 \| Train labour inspectors \| .+ \| Mombasa, Nairobi \| 1 Jan 2026 – 31 Dec 2026 \| 1,250,000/,
    );
    expect(text).toMatch(
      /1\.1\.1-I1 \| Inspectors trained \| people \| 40 \(2025\) \| 2026: 120 \| Quarterly \| Training attendance/,
    );
    await expectAudit(t.ctx, res, {
      action: 'plan.document.download',
      outcome: 'success',
      actorId: secretariat.user.id,
      entityType: 'plan',
      entityId: plan.id,
    });
  });

  it('gives the plan version as a DOCX in Swahili to any role that reads plans', async () => {
    const res = await as(analyst).get(versionUrl(plan.id), { query: { format: 'docx', lang: 'sw' } });
    const text = docxText(expectFile(res, DOCX, 'kinga-plan-v1-sw.docx'));
    expect(text).toContain('Kipindi 2026–2030');
    expect(text).toContain('Toleo la 1: Imepitishwa');
    expect(text).toContain('Na. | Shughuli | Taasisi kiongozi | Kaunti | Mwanzo–mwisho | Bajeti (KES)');
    expect(text).toMatch(
      /1\.1\.1 \| Train labour inspectors \| .+ \| Mombasa, Nairobi \| 1 Jan 2026 – 31 Des 2026 \| 1,250,000/,
    );
    expect(text).toContain('1.1.1-I1 | Inspectors trained | people | 40 (2025) | 2026: 120\n2027: 200');
    await expectAudit(t.ctx, res, { action: 'plan.document.download', actorId: analyst.user.id });
  });

  it('answers 404 for an unknown plan or version and 400 for a bad format or language', async () => {
    expectProblem(await as(secretariat).get(versionUrl(UNKNOWN_ID), { query: { format: 'pdf' } }), 404);
    expectProblem(await as(secretariat).get(versionUrl(plan.id, 9), { query: { format: 'pdf' } }), 404);
    expectProblem(await as(secretariat).get(versionUrl(plan.id), { query: { format: 'odt' } }), 400);
    expectProblem(await as(secretariat).get(versionUrl(plan.id), { query: { format: 'pdf', lang: 'fr' } }), 400);
    expectProblem(await as(secretariat).get(versionUrl(plan.id)), 400);
  });

  it("gives a period's progress report with charts, indicators and the agencies' entries", async () => {
    const period = plan.period('2026-Q1');
    const res = await as(secretariat).get(periodUrl(plan.id, period.id), { query: { format: 'pdf', lang: 'en' } });
    const text = await pdfText(expectFile(res, 'application/pdf', 'kinga-report-2026-Q1-en.pdf'));
    expect(text).toContain('Progress report for 2026-Q1');
    expect(text).toContain('Activities by status, per pillar');
    expect(text).toContain('Budget by year (KES)');
    expect(text).toMatch(/2026 \| 1,250,000/);
    expect(text).toMatch(/1\.1\.1-I1 \| Inspectors trained \| people \| 120 \|/);
    expect(text).toContain('Reports of the agencies');
    expect(text).toMatch(/1\.1\.1 \| Train labour inspectors \| On track \| Two of four regional trainings held\./);
    await expectAudit(t.ctx, res, {
      action: 'plan.report.download',
      actorId: secretariat.user.id,
      entityType: 'reporting_period',
      entityId: period.id,
    });
  });

  it("leaves the agencies' reports out for roles that may not read them", async () => {
    const res = await as(analyst).get(periodUrl(plan.id, plan.period('2026-Q1').id), {
      query: { format: 'docx', lang: 'sw' },
    });
    const text = docxText(expectFile(res, DOCX, 'kinga-report-2026-Q1-sw.docx'));
    expect(text).toContain('Ripoti ya maendeleo ya 2026-Q1');
    expect(text).toContain('Shughuli kwa hali, katika kila nguzo');
    expect(text).not.toContain('Ripoti za taasisi');
    expect(text).not.toContain('Two of four regional trainings held.');
  });

  it('answers 404 for an unknown period or plan, 409 for a plan without an adopted version', async () => {
    expectProblem(await as(secretariat).get(periodUrl(plan.id, UNKNOWN_ID), { query: { format: 'pdf' } }), 404);
    expectProblem(
      await as(secretariat).get(periodUrl(UNKNOWN_ID, plan.period('2026-Q1').id), { query: { format: 'pdf' } }),
      404,
    );
    const draft = await insertPlan(t.ctx, { periodStart: 2026, versionStatus: 'draft' });
    expectProblem(
      await as(secretariat).get(periodUrl(draft.id, draft.period('2026-Q1').id), { query: { format: 'pdf' } }),
      409,
    );
  });

  it("gives a meeting's minutes with attendance and decisions, in both languages and formats", async () => {
    const day = meeting.startsAt.slice(0, 10);
    const en = await as(focal).get(minutesUrl(meeting.id), { query: { format: 'docx', lang: 'en' } });
    const docx = docxText(expectFile(en, DOCX, `kinga-minutes-${day}-en.docx`));
    expect(docx).toContain('Steering committee: adoption of the plan');
    expect(docx).toContain('Date | 10 March 2026');
    expect(docx).toContain('Time | 09:00–12:30');
    expect(docx).toMatch(/Amina Wanjiru \| .+ \| Present/);
    expect(docx).toContain('1. Adoption of the plan\n2. Any other business');
    expect(docx).toContain('1 | The committee adopts version 1 of the plan.');
    await expectAudit(t.ctx, en, {
      action: 'meeting.minutes.download',
      actorId: focal.user.id,
      entityType: 'meeting',
      entityId: meeting.id,
    });

    const sw = await as(secretariat).get(minutesUrl(meeting.id), { query: { format: 'pdf', lang: 'sw' } });
    const pdf = await pdfText(expectFile(sw, 'application/pdf', `kinga-minutes-${day}-sw.pdf`));
    expect(pdf).toContain('Mahudhurio');
    expect(pdf).toContain('Tarehe | 10 Machi 2026');
    expect(pdf).toMatch(/Amina Wanjiru \| .+ \| Alihudhuria/);
    expect(pdf).toContain('Maamuzi');
    expect(pdf).toContain('Hakuna hatua za kuchukuliwa.');
  });

  it('answers 404 for an unknown meeting', async () => {
    expectProblem(await as(secretariat).get(minutesUrl(UNKNOWN_ID), { query: { format: 'pdf' } }), 404);
  });
});
