/** English messages of the monitoring pages. */
export const monitoringEn = {
  'monitoring.placeholder': 'Monitoring',
};
