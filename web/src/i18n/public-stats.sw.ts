import type { publicStatsEn } from './public-stats.en.ts';

/** Swahili messages of the public statistics page and the statistics settings. */
export const publicStatsSw: Record<keyof typeof publicStatsEn, string> = {
  'publicStats.title': 'Takwimu za kitaifa',
};
