import {
  ACTIVITY_AREAS,
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  PILLARS,
  type Disaggregation,
  type PlanElementKind,
} from '@kinga/shared/picklists';
import type { ElementFields, ElementInput } from '@kinga/shared';
import { parseNumber } from './plan-format.ts';

/** What the element form holds: text as typed, lists as chosen. */
export interface ElementFormValues {
  title: string;
  description: string;
  pillar: string;
  area: string;
  leadAgencyId: string;
  supportingAgencyIds: string[];
  countyCodes: string[];
  startDate: string;
  endDate: string;
  budget: string;
  definition: string;
  unit: string;
  baseline: string;
  baselineYear: string;
  /** Target per year, keyed by the year. */
  targets: Record<string, string>;
  frequency: string;
  meansOfVerification: string;
  disaggregations: Disaggregation[];
  direction: string;
  aggregation: string;
  source: string;
}

/** A problem the form finds before sending, by field. */
export type ElementFormProblem = 'required' | 'tooLong' | 'number' | 'notNegative' | 'year' | 'dateRange';

export const TEXT_LIMITS = {
  title: 500,
  description: 10_000,
  definition: 4000,
  unit: 100,
  meansOfVerification: 2000,
} as const;

/** The values of a new element of a kind (indicators count quarterly, upwards, by hand). */
export function emptyValues(): ElementFormValues {
  return {
    title: '',
    description: '',
    pillar: '',
    area: '',
    leadAgencyId: '',
    supportingAgencyIds: [],
    countyCodes: [],
    startDate: '',
    endDate: '',
    budget: '',
    definition: '',
    unit: '',
    baseline: '',
    baselineYear: '',
    targets: {},
    frequency: 'quarterly',
    meansOfVerification: '',
    disaggregations: [],
    direction: 'increase',
    aggregation: 'sum',
    source: 'manual',
  };
}

const text = (value: string | null | undefined) => value ?? '';
const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The form's values for an existing element. */
export function valuesOf(fields: ElementFields): ElementFormValues {
  const values = { ...emptyValues(), title: fields.title, description: text(fields.description) };
  switch (fields.kind) {
    case 'pillar':
      return { ...values, pillar: text(fields.pillar) };
    case 'objective':
      return values;
    case 'activity':
      return {
        ...values,
        area: text(fields.area),
        leadAgencyId: text(fields.leadAgencyId),
        supportingAgencyIds: [...fields.supportingAgencyIds],
        countyCodes: fields.countyCodes.map(String),
        startDate: text(fields.startDate),
        endDate: text(fields.endDate),
        budget: numberText(fields.budget),
      };
    case 'indicator':
      return {
        ...values,
        definition: text(fields.definition),
        unit: fields.unit,
        baseline: numberText(fields.baseline),
        baselineYear: numberText(fields.baselineYear),
        targets: Object.fromEntries(fields.targets.map((target) => [String(target.year), String(target.value)])),
        frequency: fields.frequency,
        meansOfVerification: text(fields.meansOfVerification),
        disaggregations: [...fields.disaggregations],
        direction: fields.direction,
        aggregation: fields.aggregation,
        source: fields.source,
      };
  }
}

function pick<T extends string>(codes: readonly T[], value: string): T | null {
  return codes.find((code) => code === value) ?? null;
}

/**
 * The API input for the form's values, or the problems found by field. Checks what the
 * browser can (required, lengths, numbers, date order); the server has the last word.
 */
export function inputOf(
  kind: PlanElementKind,
  parentKey: string | null,
  values: ElementFormValues,
): { input: ElementInput; problems: null } | { input: null; problems: Record<string, ElementFormProblem> } {
  const problems: Record<string, ElementFormProblem> = {};
  const trimmed = (field: keyof typeof TEXT_LIMITS, value: string, required = false): string | null => {
    const v = value.trim();
    if (required && v === '') problems[field] = 'required';
    else if (v.length > TEXT_LIMITS[field]) problems[field] = 'tooLong';
    return v === '' ? null : v;
  };
  const numeric = (field: string, value: string, min?: number): number | null => {
    const parsed = parseNumber(value);
    if (parsed === 'invalid') {
      problems[field] = 'number';
      return null;
    }
    if (parsed !== null && min !== undefined && parsed < min) problems[field] = 'notNegative';
    return parsed;
  };

  const title = trimmed('title', values.title, true) ?? '';
  const base = { parentKey, title, description: trimmed('description', values.description) };
  let input: ElementInput;
  switch (kind) {
    case 'pillar':
      input = { kind, ...base, pillar: pick(PILLARS, values.pillar) };
      break;
    case 'objective':
      input = { kind, ...base };
      break;
    case 'activity': {
      if (values.startDate && values.endDate && values.startDate > values.endDate) problems.endDate = 'dateRange';
      input = {
        kind,
        ...base,
        area: pick(ACTIVITY_AREAS, values.area),
        leadAgencyId: values.leadAgencyId || null,
        supportingAgencyIds: values.supportingAgencyIds.filter((id) => id !== values.leadAgencyId),
        countyCodes: values.countyCodes.map(Number).filter((code) => Number.isInteger(code)),
        startDate: values.startDate || null,
        endDate: values.endDate || null,
        budget: numeric('budget', values.budget, 0),
      };
      break;
    }
    case 'indicator': {
      const unit = trimmed('unit', values.unit, true) ?? '';
      let baselineYear: number | null = null;
      if (values.baselineYear.trim() !== '') {
        const year = Number(values.baselineYear.trim());
        if (Number.isInteger(year) && year >= 2000 && year <= 2100) baselineYear = year;
        else problems.baselineYear = 'year';
      }
      const targets: { year: number; value: number }[] = [];
      for (const [year, value] of Object.entries(values.targets)) {
        const parsed = parseNumber(value);
        if (parsed === 'invalid') problems.targets = 'number';
        else if (parsed !== null) targets.push({ year: Number(year), value: parsed });
      }
      targets.sort((a, b) => a.year - b.year);
      input = {
        kind,
        ...base,
        definition: trimmed('definition', values.definition),
        unit,
        baseline: numeric('baseline', values.baseline),
        baselineYear,
        targets,
        frequency: pick(INDICATOR_FREQUENCIES, values.frequency) ?? 'quarterly',
        meansOfVerification: trimmed('meansOfVerification', values.meansOfVerification),
        disaggregations: DISAGGREGATIONS.filter((d) => values.disaggregations.includes(d)),
        direction: pick(INDICATOR_DIRECTIONS, values.direction) ?? 'increase',
        aggregation: pick(INDICATOR_AGGREGATIONS, values.aggregation) ?? 'sum',
        source: pick(INDICATOR_SOURCES, values.source) ?? 'manual',
      };
      break;
    }
  }
  return Object.keys(problems).length > 0 ? { input: null, problems } : { input, problems: null };
}
