import { AGE_BANDS, COUNTRY_CODES, STAT_EXPLOITATION, STAT_GENDERS, STAT_SOURCES } from '@kinga/shared/picklists';
import { oneOf } from '../../components/useSearchParamsUpdater.ts';
import type { StatFiltersQuery } from '../../api/analytics.ts';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** The filter parameters of the analytics pages, in the order the form shows them. */
export const STAT_FILTER_PARAMS = [
  'from',
  'to',
  'source',
  'gender',
  'ageBand',
  'exploitation',
  'citizenship',
  'countryOfExploitation',
  'county',
] as const;

/**
 * The statistics filters from the address: values the server would refuse (a mistyped
 * period, an unknown code) are dropped, so a hand-edited address still shows figures.
 */
export function readStatFilters(params: URLSearchParams): StatFiltersQuery {
  const period = (name: string) => {
    const value = params.get(name);
    return value && PERIOD.test(value) ? value : undefined;
  };
  const county = Number(params.get('county'));
  return {
    from: period('from'),
    to: period('to'),
    source: oneOf(STAT_SOURCES, params.get('source')),
    gender: oneOf(STAT_GENDERS, params.get('gender')),
    ageBand: oneOf(AGE_BANDS, params.get('ageBand')),
    exploitation: oneOf(STAT_EXPLOITATION, params.get('exploitation')),
    citizenship: oneOf(COUNTRY_CODES, params.get('citizenship')),
    countryOfExploitation: oneOf(COUNTRY_CODES, params.get('countryOfExploitation')),
    county: Number.isInteger(county) && county >= 1 && county <= 999 ? county : undefined,
  };
}

/** True when the period ends in a year before it starts (the server refuses it; so does the form). */
export function isPeriodReversed(filters: Pick<StatFiltersQuery, 'from' | 'to'>): boolean {
  return !!filters.from && !!filters.to && filters.from.slice(0, 4) > filters.to.slice(0, 4);
}

/** How many filters are set. */
export function countStatFilters(filters: StatFiltersQuery): number {
  return Object.values(filters).filter((v) => v !== undefined).length;
}

/** The years a period select offers: from 2000 (CTDC's earliest registrations) to this year, plus any chosen value. */
export function periodOptions(thisYear: number, chosen: string | undefined): string[] {
  const years = Array.from({ length: thisYear - 2000 + 1 }, (_, i) => String(2000 + i));
  return chosen && !years.includes(chosen) ? [...years, chosen].sort() : years;
}
