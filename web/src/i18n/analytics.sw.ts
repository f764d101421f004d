import type { analyticsEn } from './analytics.en.ts';

/** Swahili messages of the analytics dashboard and the GLOTIP table. */
export const analyticsSw: Record<keyof typeof analyticsEn, string> = {
  'analytics.title': 'Uchambuzi wa takwimu',
};
