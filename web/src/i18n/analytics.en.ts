/** English messages of the analytics dashboard and the GLOTIP table. */
export const analyticsEn = {
  'analytics.title': 'Analytics',
};
