import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import type { AgencyDto, PlanDto, PlanElementDto, PlanSummaryDto, PlanVersionDto } from '@kinga/shared';
import { ApiSession, expect, test } from './fixtures.ts';

/**
 * A plan downloaded as PDF and as DOCX through the API, each shown as a person would see it:
 * the PDF's first page drawn by pdf.js in Chromium, the DOCX laid out by docx-preview. The
 * screenshots are attached to the test and kept under e2e/test-results/documents/.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PDFJS_BUILD = path.dirname(require.resolve('pdfjs-dist'));
const DOCX_PREVIEW = require.resolve('docx-preview');
const JSZIP = path.join(path.dirname(createRequire(DOCX_PREVIEW).resolve('jszip')), '..', 'dist', 'jszip.min.js');
const OUT_DIR = path.join(here, 'test-results', 'documents');

// A made-up origin the test answers itself (page routes), so the viewer pages run without the app's CSP.
const VIEWER = 'http://documents.kinga.test';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The plan the documents show: the demo data's first plan, or one made here while the demo has none. */
async function planToShow(api: ApiSession): Promise<{ id: string; number: number }> {
  const page = await api.send<{ items: PlanSummaryDto[] }>('GET', '/api/v1/plans');
  const existing = page.items.find((p) => p.adoptedVersion !== null) ?? page.items[0];
  if (existing) return { id: existing.id, number: existing.adoptedVersion ?? existing.latestVersion.number };

  const plan = await api.send<PlanDto>('POST', '/api/v1/plans', {
    title: 'National Plan of Action to Combat Trafficking in Persons 2026–2030',
    periodStart: 2026,
    periodEnd: 2030,
    reportingFrequency: 'quarterly',
  });
  const version = await api.send<PlanVersionDto>('GET', `/api/v1/plans/${plan.id}/versions/1`);
  const pillars = version.elements.filter((e) => e.kind === 'pillar');
  const agencies = await api.send<{ items: AgencyDto[] }>('GET', '/api/v1/agencies?limit=20');
  const labour = agencies.items.find((a) => a.name.startsWith('State Department for Labour')) ?? agencies.items[0];
  const add = (body: Record<string, unknown>) =>
    api.send<PlanElementDto>('POST', `/api/v1/plans/${plan.id}/versions/1/elements`, body);
  for (const [index, pillar] of pillars.entries()) {
    const objective = await add({
      kind: 'objective',
      parentKey: pillar.key,
      title: [
        'Fewer Kenyans recruited into forced labour abroad',
        'Every identified victim receives assistance within 72 hours',
        'More traffickers investigated, prosecuted and convicted',
        'County coordination committees meet every quarter',
      ][index % 4],
      description: 'Kuongeza uelewa wa jamii kuhusu hatari za ajira za nje – “salama” si ahadi tu…',
    });
    const activity = await add({
      kind: 'activity',
      parentKey: objective.key,
      title: `Train labour inspectors and recruitment agencies on fair recruitment (${index + 1})`,
      area: 'training',
      leadAgencyId: labour?.id ?? null,
      countyCodes: [1, 3, 47],
      startDate: '2026-01-01',
      endDate: '2027-06-30',
      budget: 1_250_000 * (index + 1),
    });
    await add({
      kind: 'indicator',
      parentKey: activity.key,
      title: 'Labour inspectors trained on identifying forced labour',
      unit: 'inspectors',
      baseline: 40,
      baselineYear: 2025,
      targets: [
        { year: 2026, value: 120 },
        { year: 2027, value: 200 },
      ],
      frequency: 'quarterly',
      meansOfVerification: 'Attendance lists of the trainings',
    });
  }
  return { id: plan.id, number: 1 };
}

/** Serves the viewer page and the libraries it loads from node_modules, plus the document under test. */
async function serveViewer(page: Page, document: { name: string; body: Buffer; type: string }): Promise<void> {
  const files: Record<string, { path?: string; body?: Buffer | string; type: string }> = {
    '/viewer.html': {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>viewer</title></head><body></body></html>',
      type: 'text/html',
    },
    '/pdf.mjs': { path: path.join(PDFJS_BUILD, 'pdf.min.mjs'), type: 'text/javascript' },
    '/pdf.worker.mjs': { path: path.join(PDFJS_BUILD, 'pdf.worker.min.mjs'), type: 'text/javascript' },
    '/jszip.js': { path: JSZIP, type: 'text/javascript' },
    '/docx-preview.js': { path: path.join(path.dirname(DOCX_PREVIEW), 'docx-preview.min.js'), type: 'text/javascript' },
    [`/${document.name}`]: { body: document.body, type: document.type },
  };
  await page.context().route(`${VIEWER}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.startsWith('/standard_fonts/')) {
      const file = path.join(PDFJS_BUILD, '..', 'standard_fonts', path.basename(pathname));
      return route.fulfill({ path: file, contentType: 'application/octet-stream' });
    }
    const file = files[pathname];
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return file.path
      ? route.fulfill({ path: file.path, contentType: file.type })
      : route.fulfill({ body: file.body ?? '', contentType: file.type });
  });
  await page.goto(`${VIEWER}/viewer.html`);
}

async function keepScreenshot(testInfo: TestInfo, name: string, png: Buffer): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.png`);
  fs.writeFileSync(file, png);
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  return file;
}

test.describe('plan documents', () => {
  test.skip(({ isMobile }) => isMobile, 'documents are files, not a layout: one project is enough');

  test('a plan as PDF and as DOCX, looked at as images', async ({ page, baseURL }, testInfo) => {
    const api = await ApiSession.signIn(baseURL ?? '', 'secretariat');
    const plan = await planToShow(api);
    const url = (format: 'pdf' | 'docx') =>
      `/api/v1/plans/${plan.id}/versions/${plan.number}/document?format=${format}&lang=en`;

    const pdf = await api.context.get(url('pdf'));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="kinga-plan-v${plan.number}-en.pdf"`);
    const pdfBody = await pdf.body();
    const docx = await api.context.get(url('docx'));
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toBe(DOCX_TYPE);
    const docxBody = await docx.body();
    await api.dispose();

    // The PDF's first page, drawn by pdf.js on a canvas.
    await page.setViewportSize({ width: 1400, height: 1100 });
    await serveViewer(page, { name: 'plan.pdf', body: pdfBody, type: 'application/pdf' });
    const pages = await page.evaluate(async (origin) => {
      const pdfjs = (await import(`${origin}/pdf.mjs`)) as {
        GlobalWorkerOptions: { workerSrc: string };
        getDocument(options: object): { promise: Promise<PdfDocument> };
      };
      interface PdfDocument {
        numPages: number;
        getPage(n: number): Promise<{
          getViewport(o: { scale: number }): { width: number; height: number };
          render(o: object): { promise: Promise<void> };
        }>;
      }
      pdfjs.GlobalWorkerOptions.workerSrc = `${origin}/pdf.worker.mjs`;
      const doc = await pdfjs.getDocument({
        url: `${origin}/plan.pdf`,
        standardFontDataUrl: `${origin}/standard_fonts/`,
      }).promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: 1.5 });
      const canvas = document.createElement('canvas');
      canvas.id = 'pdf-page';
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      document.body.append(canvas);
      await first.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
      return doc.numPages;
    }, VIEWER);
    expect(pages).toBeGreaterThan(1);
    const pdfShot = await page.locator('#pdf-page').screenshot();
    const pdfFile = await keepScreenshot(testInfo, 'plan-pdf-page-1', pdfShot);

    // The DOCX, laid out page by page by docx-preview; the first page is kept.
    await page.context().unrouteAll();
    await serveViewer(page, { name: 'plan.docx', body: docxBody, type: DOCX_TYPE });
    await page.addScriptTag({ url: `${VIEWER}/jszip.js` });
    await page.addScriptTag({ url: `${VIEWER}/docx-preview.js` });
    await page.evaluate(async (origin) => {
      const response = await fetch(`${origin}/plan.docx`);
      const container = document.createElement('div');
      container.id = 'docx';
      document.body.append(container);
      const preview = (window as unknown as { docx: { renderAsync(data: Blob, into: HTMLElement): Promise<unknown> } })
        .docx;
      await preview.renderAsync(await response.blob(), container);
    }, VIEWER);
    const firstSection = page.locator('#docx section.docx').first();
    await expect(firstSection).toBeVisible();
    await expect(firstSection).toContainText('Generated on');
    const docxShot = await firstSection.screenshot();
    const docxFile = await keepScreenshot(testInfo, 'plan-docx-page-1', docxShot);

    console.log(`document screenshots: ${pdfFile} ${docxFile}`);
  });
});
