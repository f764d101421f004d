import type { GlotipDto, GlotipQuery, StatDashboardDto, StatFilters } from '@kinga/shared';
import { request } from './client.ts';

export type { StatFilters };

/** Query parameters as the browser sends them (the county as a number, the server coerces it). */
export type StatFiltersQuery = { [K in keyof StatFilters]?: StatFilters[K] };

/** Every table of the analytics dashboard over the filtered records, protected for the caller. */
export const getAnalyticsDashboard = (filters: StatFiltersQuery) =>
  request<StatDashboardDto>('GET', '/api/v1/analytics/dashboard', { query: filters });

/** Victims by year, sex, age group, citizenship and form of exploitation, as UNODC's GLOTIP collects them. */
export const getGlotip = (query: GlotipQuery) => request<GlotipDto>('GET', '/api/v1/analytics/glotip', { query });

/** The address of the GLOTIP table as CSV (a plain link: the browser downloads it with the session cookie). */
export function glotipCsvUrl(query: GlotipQuery): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  const qs = params.toString();
  return `/api/v1/analytics/glotip.csv${qs ? `?${qs}` : ''}`;
}
