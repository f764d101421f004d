import {
  DEFAULT_QUASI_IDENTIFIERS,
  DEFAULT_RELEASE_ATTRIBUTES,
  RELEASE_ATTRIBUTES,
  RELEASE_DEFAULTS,
  type ReleaseMethod,
  type ReleaseSource,
} from '@kinga/shared/picklists';
import type { CreateReleaseInput } from '@kinga/shared';
import type { MessageKey } from '../../i18n/en.ts';

/** The release form's fields, named as the API names them (nested parameters by their last name). */
export const RELEASE_FIELDS = [
  'title',
  'method',
  'source',
  'from',
  'to',
  'attributes',
  'k',
  'quasiIdentifiers',
  'maxSuppression',
  'epsilon',
  'delta',
  'reportingLength',
  'fabricationThreshold',
] as const;
export type ReleaseField = (typeof RELEASE_FIELDS)[number];

/** What the form holds: numbers as typed, so a half-typed value is not lost. */
export interface ReleaseFormValues {
  title: string;
  method: ReleaseMethod;
  source: ReleaseSource;
  from: string;
  to: string;
  attributes: string[];
  /** null until the analyst changes them: then the usual profile attributes among the chosen ones. */
  quasiIdentifiers: string[] | null;
  k: string;
  /** Per cent (the API takes a share 0..1). */
  maxSuppression: string;
  epsilon: string;
  delta: string;
  reportingLength: string;
  fabricationThreshold: string;
}

/** A message for one field, translated by the page. */
export interface FieldProblem {
  key: MessageKey;
  values?: Record<string, string | number>;
}

export const REPORTING_LENGTHS = ['1', '2', '3', '4'] as const;

/** A fresh form: the default attributes and the CTDC-like defaults of both methods. */
export function initialReleaseValues(): ReleaseFormValues {
  return {
    title: '',
    method: 'dp_synthetic',
    source: 'all',
    from: '',
    to: '',
    attributes: [...DEFAULT_RELEASE_ATTRIBUTES],
    quasiIdentifiers: null,
    k: String(RELEASE_DEFAULTS.k),
    maxSuppression: String(RELEASE_DEFAULTS.maxSuppression * 100),
    epsilon: String(RELEASE_DEFAULTS.epsilon),
    delta: decimal(RELEASE_DEFAULTS.delta),
    reportingLength: String(RELEASE_DEFAULTS.reportingLength),
    fabricationThreshold: String(RELEASE_DEFAULTS.fabricationThreshold),
  };
}

/** A small number written out in full ("0.000001"), which people read more easily than 1e-6. */
function decimal(value: number): string {
  return value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}

/** Keeps a list in the order of every release attribute, so the file's columns follow CTDC's order. */
export function inAttributeOrder(list: Iterable<string>): string[] {
  const chosen = new Set(list);
  return RELEASE_ATTRIBUTES.filter((a) => chosen.has(a));
}

/** The quasi-identifiers the release will use: among the chosen attributes only. */
export function chosenQuasiIdentifiers(values: ReleaseFormValues): string[] {
  const wanted = values.quasiIdentifiers ?? DEFAULT_QUASI_IDENTIFIERS;
  return values.attributes.filter((a) => wanted.includes(a));
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function numberIn(
  text: string,
  min: number,
  max: number,
  integer: boolean,
): { value: number; problem?: undefined } | { value?: undefined; problem: FieldProblem } {
  const value = parseNumber(text);
  if (value === null || value < min || value > max || (integer && !Number.isInteger(value))) {
    return { problem: { key: integer ? 'releases.error.integer' : 'releases.error.range', values: { min, max } } };
  }
  return { value };
}

/** Checks the form as the server will and builds the request; problems are keyed by field. */
export function validateRelease(values: ReleaseFormValues): {
  input: CreateReleaseInput | null;
  problems: Partial<Record<ReleaseField, FieldProblem>>;
} {
  const problems: Partial<Record<ReleaseField, FieldProblem>> = {};
  const title = values.title.trim();
  if (!title) problems.title = { key: 'errors.required' };
  else if (title.length > 200) problems.title = { key: 'errors.tooLong', values: { max: 200 } };

  const from = values.from.trim();
  const to = values.to.trim();
  if (from && !PERIOD.test(from)) problems.from = { key: 'releases.error.period' };
  if (to && !PERIOD.test(to)) problems.to = { key: 'releases.error.period' };
  if (!problems.from && !problems.to && from && to) {
    const start = from.length === 4 ? `${from}-01` : from;
    const end = to.length === 4 ? `${to}-12` : to;
    if (start > end) problems.to = { key: 'releases.error.periodOrder' };
  }

  const attributes = inAttributeOrder(values.attributes);
  if (attributes.length === 0) problems.attributes = { key: 'releases.error.attributesRequired' };

  const base = {
    title,
    source: values.source,
    attributes,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };

  let input: CreateReleaseInput | null = null;
  if (values.method === 'k_anonymity') {
    const k = numberIn(values.k, 2, 100, true);
    const maxSuppression = numberIn(values.maxSuppression, 0, 100, false);
    const quasiIdentifiers = chosenQuasiIdentifiers(values);
    if (k.problem) problems.k = k.problem;
    if (maxSuppression.problem) problems.maxSuppression = maxSuppression.problem;
    if (attributes.length > 0 && quasiIdentifiers.length === 0) {
      problems.quasiIdentifiers = { key: 'releases.error.qiRequired' };
    }
    if (k.value !== undefined && maxSuppression.value !== undefined) {
      input = {
        ...base,
        method: 'k_anonymity',
        kAnonymity: { k: k.value, quasiIdentifiers, maxSuppression: maxSuppression.value / 100 },
      };
    }
  } else {
    const epsilon = numberIn(values.epsilon, 0.1, 20, false);
    const delta = numberIn(values.delta, 1e-9, 1e-3, false);
    const reportingLength = numberIn(values.reportingLength, 1, 4, true);
    const fabricationThreshold = numberIn(values.fabricationThreshold, 0, 1_000_000, true);
    if (epsilon.problem) problems.epsilon = epsilon.problem;
    if (delta.problem) problems.delta = { key: 'releases.error.range', values: { min: '0.000000001', max: '0.001' } };
    if (reportingLength.problem) problems.reportingLength = reportingLength.problem;
    if (fabricationThreshold.problem) problems.fabricationThreshold = fabricationThreshold.problem;
    if (
      epsilon.value !== undefined &&
      delta.value !== undefined &&
      reportingLength.value !== undefined &&
      fabricationThreshold.value !== undefined
    ) {
      input = {
        ...base,
        method: 'dp_synthetic',
        dp: {
          epsilon: epsilon.value,
          delta: delta.value,
          reportingLength: reportingLength.value,
          fabricationThreshold: fabricationThreshold.value,
        },
      };
    }
  }
  return { input: Object.keys(problems).length === 0 ? input : null, problems };
}

/** The form field a server issue path names: "body.kAnonymity.k" → "k", "body.attributes.2" → "attributes". */
export function releaseFieldOfPath(path: string): string {
  const parts = path.replace(/^body(\.|$)/, '').split('.');
  const [first, second] = parts;
  if ((first === 'kAnonymity' || first === 'dp') && second) return second;
  return first ?? '';
}
