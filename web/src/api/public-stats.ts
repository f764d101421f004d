import type { PublicStatisticsDto, StatisticsSettings, StatisticsSettingsInput } from '@kinga/shared';
import type { StatFiltersQuery } from './analytics.ts';
import { request } from './client.ts';

/** The national figures anyone may read, always protected; no session needed. */
export const getPublicStatistics = (filters: StatFiltersQuery) =>
  request<PublicStatisticsDto>('GET', '/api/public/statistics', { query: filters, skipUnauthorizedHandler: true });

/** The statistics settings: k, the smallest count shown without case access. */
export const getStatisticsSettings = () => request<StatisticsSettings>('GET', '/api/v1/analytics/settings');

export const updateStatisticsSettings = (input: StatisticsSettingsInput) =>
  request<StatisticsSettings>('PUT', '/api/v1/analytics/settings', { body: input });
