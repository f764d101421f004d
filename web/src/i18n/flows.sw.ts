import type { flowsEn } from './flows.en.ts';

/** Swahili messages of the trafficking flows page. */
export const flowsSw: Record<keyof typeof flowsEn, string> = {
  'flows.title': 'Mtiririko wa usafirishaji haramu',
};
