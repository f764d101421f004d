/** English messages of the public statistics page and the statistics settings. */
export const publicStatsEn = {
  'publicStats.title': 'National statistics',
};
