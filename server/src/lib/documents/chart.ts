/**
 * Bar chart geometry shared by both renderers, and the chart as a PNG image for DOCX
 * (bars, grid and row numbers; the labels and values go in a table beside it).
 */
import { chartMaximum, seriesColors, type BarChartBlock } from './model.ts';
import { drawNumber, Raster } from './png.ts';

/** The axis end: the chart's maximum rounded up to 1, 2, 2.5 or 5 times a power of ten (1 for an all-zero chart). */
export function niceAxisMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** Positive, finite part of a value: bars start at zero, a negative or missing value draws no bar. */
export function barLength(value: number | null): number {
  return value !== null && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Rows of bars per category: one per series when grouped, one when stacked. */
export function barsPerCategory(chart: Pick<BarChartBlock, 'layout' | 'series'>): number {
  return chart.layout === 'stacked' ? 1 : Math.max(1, chart.series.length);
}

// Image geometry in CSS pixels; the PNG is drawn at SCALE times that for sharp printing.
const SCALE = 2;
const IMAGE_WIDTH = 600;
const NUMBER_COLUMN = 34;
const RIGHT_PAD = 14;
const TOP_PAD = 10;
const BAR = 14;
const STACKED_BAR = 18;
const BAR_GAP = 2;
const CATEGORY_GAP = 10;

export interface ChartImage {
  png: Buffer;
  /** Display size in CSS pixels (96 per inch). */
  width: number;
  height: number;
}

/** The chart's bars as a PNG: a numbered row per category, vertical grid lines at quarters of the axis. */
export function drawChartImage(chart: BarChartBlock): ChartImage {
  const colors = seriesColors(chart);
  const rows = barsPerCategory(chart);
  const bar = chart.layout === 'stacked' ? STACKED_BAR : BAR;
  const categoryHeight = rows * bar + (rows - 1) * BAR_GAP;
  const height = TOP_PAD * 2 + chart.categories.length * (categoryHeight + CATEGORY_GAP) - CATEGORY_GAP;
  const raster = new Raster(IMAGE_WIDTH * SCALE, Math.max(1, height) * SCALE);
  const s = (n: number) => n * SCALE;

  const axisMax = niceAxisMax(chartMaximum(chart));
  const x0 = NUMBER_COLUMN;
  const plotWidth = IMAGE_WIDTH - NUMBER_COLUMN - RIGHT_PAD;
  for (let q = 0; q <= 4; q++) {
    raster.fillRect(s(x0 + (plotWidth * q) / 4), 0, q === 0 ? 2 : 1, s(height), q === 0 ? '#555555' : '#d9d9d9');
  }

  const reference = chart.reference;
  chart.categories.forEach((category, i) => {
    const top = TOP_PAD + i * (categoryHeight + CATEGORY_GAP);
    const digitDot = 3;
    drawNumber(raster, i + 1, s(6), s(top + categoryHeight / 2) - (5 * digitDot) / 2, digitDot, '#333333');
    if (chart.layout === 'stacked') {
      let x = x0;
      category.values.forEach((value, j) => {
        const w = (barLength(value) / axisMax) * plotWidth;
        raster.fillRect(s(x), s(top), s(w), s(bar), colors[j] ?? '#000000');
        x += w;
      });
    } else {
      category.values.forEach((value, j) => {
        const w = (barLength(value) / axisMax) * plotWidth;
        raster.fillRect(s(x0), s(top + j * (bar + BAR_GAP)), s(w), s(bar), colors[j] ?? '#000000');
      });
    }
  });
  if (reference !== undefined && reference > 0) {
    // Dashed: 6 px on, 4 px off, over the whole height.
    const x = s(x0 + (reference / axisMax) * plotWidth) - 2;
    for (let y = 0; y < s(height); y += 10) raster.fillRect(x, y, 4, 6, '#1b1f24');
  }
  return { png: raster.toPng(), width: IMAGE_WIDTH, height: Math.max(1, height) };
}
