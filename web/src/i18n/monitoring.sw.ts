import type { monitoringEn } from './monitoring.en.ts';

/** Swahili messages of the monitoring pages. */
export const monitoringSw: Record<keyof typeof monitoringEn, string> = {
  'monitoring.placeholder': 'Monitoring',
};
