import type { StatFlowsDto } from '@kinga/shared';
import type { StatFiltersQuery } from './analytics.ts';
import { request } from './client.ts';

export type { StatFlowsDto };

/** Trafficking flows by country and county under the dashboard's filters (suppressed cells are null). */
export const getFlows = (filters: StatFiltersQuery) =>
  request<StatFlowsDto>('GET', '/api/v1/analytics/flows', { query: filters });
